package uk.dtw.etl.conform;

import java.io.Serializable;

/** Why a row is held back: the rule it failed, the column at fault, and what was expected. */
public record Problem(String column, String rule, String message) implements Serializable {}
