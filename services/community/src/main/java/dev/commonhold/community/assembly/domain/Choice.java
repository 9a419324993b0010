package dev.commonhold.community.assembly.domain;

/** A ballot's answer. Abstaining takes part in the vote but does not approve (rule V6). */
public enum Choice { APPROVE, REJECT, ABSTAIN }
