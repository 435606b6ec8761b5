/** The e2e server's address and the passwords it seeds (see e2e-server.mjs). */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3947),
  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  },
  adminPassword: 'E2e-Admin-Pass-2026',
  demoPassword: 'E2e-Demo-Pass-2026',
};
