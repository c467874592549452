export { type Diagnostic, formatDiagnostic } from './diagnostic.js';
export { ConfigurationError, isConfigurationError } from './configuration-error.js';
export { describeValue } from './describe-value.js';
export { type Logger, createMemoryLogger } from './logger.js';
export { createRedactor } from './redact.js';
export { isSecretName, secretValues } from './secret-values.js';
export { errorMessage } from './error-message.js';
export { UserFacingError, NetworkError, isUserFacingError, asUserFacingError, networkFailureReason } from './user-facing-error.js';
