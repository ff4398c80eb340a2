import { validateConfig, type Config } from '../../lib/core/config/index.ts';

/**
 * The smallest Salesforce config that escalates: Helsinki office hours, one high-priority policy
 * whose single tier gives the case to the senior rep (005…002) after one open hour.
 */
export function oneTierSalesforceConfig(): Config {
  const result = validateConfig({
    calendars: {
      office: {
        timezone: 'Europe/Helsinki',
        hours: {
          mon: ['08:00-17:00'],
          tue: ['08:00-17:00'],
          wed: ['08:00-17:00'],
          thu: ['08:00-17:00'],
          fri: ['08:00-16:00'],
        },
      },
    },
    crm: { salesforce: { orgId: '00D000000000001AAA' } },
    targets: { 'senior-reps': { salesforce: '005000000000002AAA' } },
    escalation: [
      {
        name: 'high',
        when: { priority: ['high'] },
        calendar: 'office',
        tiers: [{ after: '1h', assignTo: 'senior-reps' }],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}
