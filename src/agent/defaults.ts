export const DEFAULT_CONFIG_PATH = '/etc/hactl/agent.json';
export const DEFAULT_HA_DIR = '/etc/ha.d';
