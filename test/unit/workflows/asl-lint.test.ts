import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../../lib/local/runner/asl-lint.ts';

const workflowsDir = new URL('../../../workflows/', import.meta.url);

const task = { Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSeconds: 30 };
/** A one-state machine around `state` (ending there). */
const single = (state: object) => ({ StartAt: 'S', States: { S: { End: true, ...state } } });
const mapWith = (extra: object) =>
  single({
    Type: 'Map',
    ItemProcessor: { StartAt: 'Item', States: { Item: { ...task, End: true } } },
    ...extra,
  });

describe('lintDefinition', () => {
  it('passes the subset the runner runs faithfully', () => {
    const definition = {
      StartAt: 'Plan',
      States: {
        Plan: { ...task, Retry: [{ ErrorEquals: ['States.TaskFailed'] }], ResultPath: '$.plan', Next: 'Decide' },
        Decide: {
          Type: 'Choice',
          Choices: [{ Variable: '$.plan.action', StringEquals: 'wait', Next: 'Sleep' }],
          Default: 'Done',
        },
        Sleep: { Type: 'Wait', TimestampPath: '$.plan.until', Next: 'Plan' },
        Done: { Type: 'Pass', Result: { done: true }, End: true },
      },
    };
    expect(lintDefinition(definition)).toEqual([]);
  });

  it.each([
    ['JSONata at the top', { QueryLanguage: 'JSONata', ...single({ Type: 'Pass' }) }, /JSONata/],
    ['JSONata on a state', single({ Type: 'Pass', QueryLanguage: 'JSONata' }), /JSONata/],
    ['Assign on a state', single({ Type: 'Pass', Assign: { n: 1 } }), /Assign/],
    [
      'Assign on a Choice rule',
      {
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [{ Variable: '$.a', IsPresent: true, Next: 'D', Assign: { n: 1 } }],
            Default: 'D',
          },
          D: { Type: 'Succeed' },
        },
      },
      /Assign/,
    ],
    ['Output (JSONata)', single({ Type: 'Pass', Output: { a: 1 } }), /Output is a JSONata field/],
    ['Arguments (JSONata)', single({ ...task, Arguments: { a: 1 } }), /Arguments is a JSONata field/],
    [
      '.waitForTaskToken',
      single({ ...task, Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' }),
      /waitForTaskToken/,
    ],
    ['.sync', single({ ...task, Resource: 'arn:aws:states:::states:startExecution.sync:2' }), /\.sync/],
    ['Map ItemReader', mapWith({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject' } }), /ItemReader/],
    ['Map ItemBatcher', mapWith({ ItemBatcher: { MaxItemsPerBatch: 10 } }), /ItemBatcher/],
    ['Map ResultWriter', mapWith({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } }), /ResultWriter/],
    ['Map ToleratedFailurePercentage', mapWith({ ToleratedFailurePercentage: 5 }), /ToleratedFailurePercentage/],
    ['Map ToleratedFailureCount', mapWith({ ToleratedFailureCount: 1 }), /ToleratedFailureCount/],
    ['ResultPath "$"', single({ ...task, ResultPath: '$' }), /ResultPath "\$"/],
    [
      'ResultPath "$" on a catcher',
      {
        StartAt: 'T',
        States: {
          T: { ...task, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$', Next: 'F' }], End: true },
          F: { Type: 'Fail' },
        },
      },
      /ResultPath "\$"/,
    ],
    ['Pass with Result 0', single({ Type: 'Pass', Result: 0 }), /falsy Result/],
    ['Pass with Result false', single({ Type: 'Pass', Result: false }), /falsy Result/],
    ['Pass with Result ""', single({ Type: 'Pass', Result: '' }), /falsy Result/],
    ['Task without TimeoutSeconds', single({ Type: 'Task', Resource: '${PlanFunctionArn}' }), /TimeoutSeconds/],
    [
      'Task with TimeoutSecondsPath only',
      single({ Type: 'Task', Resource: '${PlanFunctionArn}', TimeoutSecondsPath: '$.t' }),
      /TimeoutSeconds/,
    ],
    ['Task not through a placeholder', single({ ...task, Resource: 'arn:aws:states:::lambda:invoke' }), /placeholder/],
    [
      'Retry on a Parallel',
      single({
        Type: 'Parallel',
        Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
        Retry: [{ ErrorEquals: ['States.ALL'] }],
      }),
      /Retry on Parallel/,
    ],
    ['real-time context', single({ Type: 'Pass', Parameters: { 'at.$': '$$.Execution.StartTime' } }), /real time/],
    [
      'a problem nested in a Parallel branch',
      single({
        Type: 'Parallel',
        Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Assign: { n: 1 }, End: true } } }],
      }),
      /state "Inner": Assign/,
    ],
    [
      'an asl-validator error',
      { StartAt: 'S', States: { S: { Type: 'Pass', Next: 'Nowhere' } } },
      /MISSING_TRANSITION/,
    ],
    ['not a definition', { StartAt: 'S' }, /not an ASL definition/],
  ])('rejects %s', (_label, definition, problem) => {
    const problems = lintDefinition(definition);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('does not mistake a payload field named Output or Assign for the JSONata fields', () => {
    const definition = single({ ...task, Parameters: { Output: 1, Assign: 2, 'x.$': '$.x' } });
    expect(lintDefinition(definition)).toEqual([]);
  });
});

describe('the workflows in workflows/', () => {
  it('all lint clean', () => {
    // Read at test time: workflows are added while the runner evolves; none yet is fine.
    const files = readdirSync(workflowsDir).filter((f) => f.endsWith('.asl.json'));
    const problems = Object.fromEntries(
      files
        .map((f) => [f, lintDefinition(JSON.parse(readFileSync(new URL(f, workflowsDir), 'utf8')))] as const)
        .filter(([, found]) => found.length > 0),
    );
    expect(problems).toEqual({});
  });
});
