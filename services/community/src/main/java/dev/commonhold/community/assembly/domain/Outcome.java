package dev.commonhold.community.assembly.domain;

/** How a vote ended: not enough owners took part (rule V1), or the matter's majority was reached or not. */
public enum Outcome { APPROVED, REJECTED, NO_QUORUM }
