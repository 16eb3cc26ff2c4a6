package org.dkcpr;

/** Sex as encoded by the last digit of a CPR number: even female, odd male. */
public enum Sex {
  FEMALE,
  MALE
}
