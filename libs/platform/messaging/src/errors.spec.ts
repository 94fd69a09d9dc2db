import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { isPoisonPublishError } from './errors';

describe('isPoisonPublishError', () => {
  it('blames the broker, not the rows, when kafkajs ran out of retries to connect', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:1');
    const exhausted = new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 5, retryTime: 3000 });
    expect(exhausted.retriable).toBe(false);
    expect(isPoisonPublishError(exhausted)).toBe(false);
    expect(isPoisonPublishError(refused)).toBe(false);
  });

  it('blames the rows for a non-retriable answer about the messages, even after retries', () => {
    // what kafkajs raises for an answer about the message itself (e.g. MESSAGE_TOO_LARGE, not retriable)
    const tooLarge = new KafkaJSNonRetriableError('message larger than the broker accepts');
    expect(isPoisonPublishError(tooLarge)).toBe(true);
    expect(
      isPoisonPublishError(new KafkaJSNumberOfRetriesExceeded(tooLarge, { retryCount: 5, retryTime: 3000 })),
    ).toBe(true);
  });
});
