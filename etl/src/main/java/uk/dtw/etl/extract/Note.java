package uk.dtw.etl.extract;

import java.io.Serializable;

/**
 * Something a reader found about a cell or row: the column, a rule name and a message for a person.
 */
public record Note(String column, String rule, String message) implements Serializable {}
