/**
 * The workflows' `${…FunctionArn}` placeholders and the functions they map to: every placeholder the
 * ASL files use is known, each workflow names its own Plan and Act and the shared RecordFailure, and
 * a file with a placeholder nobody knows fails synth instead of deploying an unresolvable Task.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../lib/infra/functions.ts';
import { PLACEHOLDER_FUNCTIONS, readWorkflow, readWorkflows, WORKFLOW_NAMES } from '../../lib/infra/workflows.ts';
import { ROOT } from './support/fixture.ts';

const WORKFLOWS_DIR = join(ROOT, 'workflows');

describe('workflows/*.asl.json', () => {
  const workflows = readWorkflows(WORKFLOWS_DIR);

  it('are exactly the three workflows the router starts', () => {
    expect(workflows.map((workflow) => workflow.name).sort()).toEqual([...WORKFLOW_NAMES].sort());
  });

  it.each([
    ['escalation', { EscalationPlanFunctionArn: 'escalationPlan', EscalationActFunctionArn: 'escalationAct' }],
    ['follow-up', { FollowUpPlanFunctionArn: 'followUpPlan', FollowUpActFunctionArn: 'followUpAct' }],
    ['expedite', { ExpeditePlanFunctionArn: 'expeditePlan', ExpediteActFunctionArn: 'expediteAct' }],
  ])('%s names its own Plan and Act and the shared RecordFailure', (name, own) => {
    const workflow = workflows.find((candidate) => candidate.name === name);
    expect(workflow?.placeholders).toEqual({ ...own, RecordFailureFunctionArn: 'recordFailure' });
  });

  it('map every placeholder to a function of the construct', () => {
    for (const fn of Object.values(PLACEHOLDER_FUNCTIONS)) expect(FUNCTION_NAMES).toContain(fn);
  });
});

describe('readWorkflow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmflow-asl-'));
  const write = (name: string, definition: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(definition));
    return path;
  };

  it('rejects a placeholder no function answers to, naming it', () => {
    const path = write('escalation.asl.json', {
      StartAt: 'Plan',
      States: { Plan: { Type: 'Task', Resource: '${EscalationPlannerArn}', End: true } },
    });
    expect(() => readWorkflow(path)).toThrow(/\$\{EscalationPlannerArn\}/);
  });

  it('rejects a workflow the infrastructure does not know', () => {
    const path = write('refunds.asl.json', { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
    expect(() => readWorkflow(path)).toThrow(/no infrastructure for a workflow named "refunds"/);
  });

  it('rejects a file that is not JSON', () => {
    const path = join(dir, 'expedite.asl.json');
    writeFileSync(path, '{ "StartAt": ');
    expect(() => readWorkflow(path)).toThrow();
  });
});
