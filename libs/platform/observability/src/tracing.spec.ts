import { trace } from '@opentelemetry/api';
import { runInContext } from './context';
import { currentTraceparent, startSpan, startTracing } from './tracing';

describe('tracing when no exporter is configured', () => {
  it('starts nothing, records nothing, and still forwards the traceparent the work arrived with', async () => {
    expect(await startTracing({ service: 'quiet' })).toBeNull();
    const { span } = startSpan('not recorded');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(trace.getActiveSpan()).toBeUndefined();
    const arrived = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const forwarded = runInContext(
      { correlationId: 'c', causationId: null, actorId: null, traceparent: arrived },
      () => currentTraceparent(),
    );
    expect(forwarded).toBe(arrived);
  });
});
