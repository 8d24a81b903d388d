import { describe, expect, it } from "vitest";
import { readConfiguration } from "./read-configuration.js";

describe("readConfiguration", () => {
  it("works in the default tenant as the system user when nothing is set", () => {
    const config = readConfiguration({ USER: "amelie" });
    expect(config).toMatchObject({
      tenant: "default",
      operatorId: "cli:amelie",
      databaseUrl: undefined,
      debug: false,
    });
  });

  it("takes a variable set to blanks for unset, and ART28_ACTOR as given", () => {
    const config = readConfiguration({
      ART28_TENANT: "  ",
      ART28_ACTOR: "ops:nightly",
      DATABASE_URL: " file:x.sqlite ",
    });
    expect(config).toMatchObject({
      tenant: "default",
      operatorId: "ops:nightly",
      databaseUrl: "file:x.sqlite",
    });
  });

  it("refuses a tenant or a public address that cannot be right, naming the variable", () => {
    expect(() => readConfiguration({ ART28_TENANT: "école des pins" })).toThrow(
      expect.objectContaining({ code: "invalid_input", details: { argument: "ART28_TENANT" } }),
    );
    expect(() => readConfiguration({ ART28_PUBLIC_URL: "not a url" })).toThrow(
      expect.objectContaining({ details: { argument: "ART28_PUBLIC_URL" } }),
    );
  });
});
