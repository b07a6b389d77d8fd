package io.exapg.server;

import java.net.URI;

/**
 * The alert rules a node checks, and where it reports them besides its log and metrics.
 *
 * @param slowQueryMillis a statement running at least this long alerts; -1 off
 * @param deviceSharePercent the device's (Tier 3) share of the bytes read in the last minute
 *     above which the node alerts; -1 off
 * @param webhook URL that gets each alert as a JSON POST, or null
 */
record AlertOptions(long slowQueryMillis, double deviceSharePercent, URI webhook) {
  static final AlertOptions NONE = new AlertOptions(-1, -1, null);

  boolean any() {
    return slowQueryMillis >= 0 || deviceSharePercent >= 0;
  }
}
