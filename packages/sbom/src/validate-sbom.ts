import * as CDX from '@cyclonedx/cyclonedx-library';

/**
 * Check CycloneDX JSON against the 1.6 schema the library ships (strict: no unknown properties).
 * Resolves to undefined when valid, else to the validator's findings. Needs ajv, ajv-formats and
 * ajv-formats-draft2019, and the library's `res/` folder on disk (so not inside a bundle).
 */
export async function validateSbom(json: string): Promise<unknown> {
  const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
  return (await validator.validate(json)) ?? undefined;
}
