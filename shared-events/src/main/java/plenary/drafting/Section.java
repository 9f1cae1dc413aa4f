package plenary.drafting;

public enum Section { PREAMBLE, OPERATIVE }
