package plenary.drafting;

public enum Participation { CONFIRMED, PENDING }
