package uk.dtw.api.sql;

/** A result column: its name and its SQL type name as Calcite reports it (VARCHAR, DOUBLE, ...). */
public record Column(String name, String type) {}
