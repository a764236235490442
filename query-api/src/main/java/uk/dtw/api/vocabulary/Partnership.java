package uk.dtw.api.vocabulary;

/** A partnership a caller named: its official name, area code and region. */
public record Partnership(String name, String areaCode, String region) {}
