package dev.peerform.plans;

/** What a plan is for: converge on the configuration, destroy everything, or only record the drift. */
public enum PlanMode { NORMAL, DESTROY, REFRESH_ONLY }
