/** The providers `--provider` accepts (each has its folder and a registry entry); apart so `hactl --help` loads none. */
export const providerNames = ['lab', 'vagrant', 'ssh'] as const;
