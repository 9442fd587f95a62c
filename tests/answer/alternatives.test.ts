import { describe, expect, it } from "vitest";
import { namesAnotherPlatform } from "../../src/answer/platforms.js";

describe("another platform", () => {
  it("When a question names an operating system, Then a text naming only others answers for another; one naming none, or it among others, may answer", () => {
    const windows = namesAnotherPlatform("where is the log file on windows");
    expect(windows("Log file (Linux): `/var/log/emberdb/emberd.log`")).toBe(true);
    expect(windows("Config file › macOS (Intel): `/usr/local/etc/emberdb/ember.conf`")).toBe(true);
    for (const holds of ["Config file › Windows: `C:\\ProgramData\\EmberDB\\ember.conf`", "Logs are kept for 30 days.", "Supported: Windows 11, macOS 14 and Ubuntu 22.04."]) {
      expect(windows(holds)).toBe(false);
    }
    expect(namesAnotherPlatform("how do I install it on linux")("On Ubuntu, run `sudo apt install emberdb`.")).toBe(false);
    expect(namesAnotherPlatform("where is the log file")("Log file (Linux): `/var/log/emberdb/emberd.log`")).toBe(false);
  });
});
