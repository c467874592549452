import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';

/**
 * Check CycloneDX JSON against the 1.6 schema the library ships (strict: no unknown properties).
 * Resolves to undefined when valid, else to the validator's findings. Needs ajv, ajv-formats and
 * ajv-formats-draft2019, and the library's `res/` folder on disk: a bundle cannot carry it, hence its own
 * entry point (`@deployforge/sbom/validate`), kept out of the index the hub imports.
 */
export async function validateSbom(json: string): Promise<unknown> {
  const validator = new JsonStrictValidator(Version.v1dot6);
  return (await validator.validate(json)) ?? undefined;
}
