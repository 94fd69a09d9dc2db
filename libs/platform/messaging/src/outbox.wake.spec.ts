import { OutboxWaker } from './outbox.wake';

/** A NOTIFY that answers when the test says so. */
function pendingNotifies() {
  const answers: Array<(failure?: Error) => void> = [];
  const notify = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        answers.push((failure) => (failure ? reject(failure) : resolve()));
      }),
  );
  const answer = async (failure?: Error) => {
    answers.shift()?.(failure);
    // let the waker see the answer and decide on the next NOTIFY
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { notify, answer };
}

describe('OutboxWaker', () => {
  it('wakes the relay of this process and sends no NOTIFY while that relay publishes', () => {
    const { notify } = pendingNotifies();
    const waker = new OutboxWaker(notify);
    const wake = jest.fn();
    waker.register({ wake, publishes: () => true });
    waker.committed();
    waker.committed();
    expect(wake).toHaveBeenCalledTimes(2);
    expect(notify).not.toHaveBeenCalled();
  });

  it('sends a NOTIFY for another process when no relay of this one holds the lock, even with one standing by', () => {
    const { notify } = pendingNotifies();
    const waker = new OutboxWaker(notify);
    const wake = jest.fn();
    waker.register({ wake, publishes: () => false });
    waker.committed();
    expect(wake).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('coalesces commits made while a NOTIFY is in flight into one more NOTIFY after it', async () => {
    const { notify, answer } = pendingNotifies();
    const waker = new OutboxWaker(notify);
    waker.committed();
    for (let i = 0; i < 50; i++) waker.committed();
    expect(notify).toHaveBeenCalledTimes(1);
    await answer();
    // the 50 commits are followed by one NOTIFY sent after all of them
    expect(notify).toHaveBeenCalledTimes(2);
    await answer();
    expect(notify).toHaveBeenCalledTimes(2);
    waker.committed();
    expect(notify).toHaveBeenCalledTimes(3);
  });

  it('goes on after a NOTIFY fails (the relay then finds the rows at its safety poll)', async () => {
    const { notify, answer } = pendingNotifies();
    const waker = new OutboxWaker(notify);
    waker.committed();
    waker.committed();
    await answer(new Error('connection terminated'));
    expect(notify).toHaveBeenCalledTimes(2);
    await answer();
    waker.committed();
    expect(notify).toHaveBeenCalledTimes(3);
  });

  it('stops waking a relay once it unregisters', () => {
    const { notify } = pendingNotifies();
    const waker = new OutboxWaker(notify);
    const wake = jest.fn();
    const unregister = waker.register({ wake, publishes: () => true });
    unregister();
    waker.committed();
    expect(wake).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
