using System.Collections.Concurrent;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// What the embedded broker refuses before doing work (docs/security.md, "Broker limits"): password
/// checks of a client id that keeps failing, and the record of refused publishes, which is kept to
/// one per client and window however many arrive. The time is always an argument.
/// </summary>
internal sealed class BrokerGuardPolicy(int maxFailedLogins, TimeSpan loginPause, TimeSpan refusalWindow)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset PausedUntil)> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset WindowStart, int Suppressed)> _refusals = new(StringComparer.Ordinal);

    /// <summary>False while <paramref name="clientId"/> is paused after too many wrong passwords: refused without hashing.</summary>
    public bool MayCheckPassword(string clientId, DateTimeOffset now) =>
        !_logins.TryGetValue(clientId, out var state) || state.PausedUntil <= now;

    /// <summary>A wrong password: after <c>maxFailedLogins</c> in a row the client id is paused for <c>loginPause</c>.</summary>
    public void LoginFailed(string clientId, DateTimeOffset now) =>
        _logins.AddOrUpdate(
            clientId,
            _ => (1, maxFailedLogins <= 1 ? now + loginPause : DateTimeOffset.MinValue),
            (_, s) => s.Failures + 1 >= maxFailedLogins ? (0, now + loginPause) : (s.Failures + 1, s.PausedUntil));

    public void LoginSucceeded(string clientId) => _logins.TryRemove(clientId, out _);

    /// <summary>
    /// Whether this refused publish of <paramref name="clientId"/> is recorded (logged and stored): the first of each
    /// window is, with the number of refusals left unrecorded since; the rest only count.
    /// </summary>
    public bool RecordRefusal(string clientId, DateTimeOffset now, out int suppressedBefore)
    {
        var recorded = false;
        var suppressed = 0;
        _refusals.AddOrUpdate(
            clientId,
            _ =>
            {
                recorded = true;
                return (now, 0);
            },
            (_, s) =>
            {
                if (now - s.WindowStart >= refusalWindow)
                {
                    (recorded, suppressed) = (true, s.Suppressed);
                    return (now, 0);
                }

                (recorded, suppressed) = (false, 0);
                return (s.WindowStart, s.Suppressed + 1);
            });
        suppressedBefore = suppressed;
        return recorded;
    }
}
