package plenary.drafting;

public enum ParagraphStatus { PENDING, FIRST_READING, SECOND_READING, AGREED_AD_REFERENDUM, AGREED, REOPENED }
