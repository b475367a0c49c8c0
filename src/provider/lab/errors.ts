/** A lab operation the operator asked for cannot be done (no lab, nothing holds the VIP, unknown node...). */
export class LabProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabProviderError';
  }
}
