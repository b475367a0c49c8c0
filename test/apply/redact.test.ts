import { describe, expect, it } from 'vitest';
import { redactSecretWords } from '../../src/apply/redact.js';

describe('redacting tool output about a secret file', () => {
  const conf = 'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass Vr9pAss7\n  }\n  bogus_keyword yes\n}\n';

  it('removes the secret value, even when the tool quotes its whole line', () => {
    expect(redactSecretWords("(Line 4) bad value 'auth_pass Vr9pAss7'", conf)).toBe("(Line 4) bad value 'auth_pass [redacted]'");
  });

  it("keeps a line's leading keyword readable", () => {
    expect(redactSecretWords("Unknown keyword 'bogus_keyword'", conf)).toBe("Unknown keyword 'bogus_keyword'");
  });

  it('removes a key that is the only word of a key file', () => {
    expect(redactSecretWords('bad key abcdefghijkl', 'abcdefghijkl\n')).toBe('bad key [redacted]');
  });
});
