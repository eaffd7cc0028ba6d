
namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>
/// <c>panel.comm_fail</c> for an IP panel that has sent nothing (no event, no NULL link test) for its supervision
/// time. One timer per account, pushed back by every accepted message, so silence is measured on the injected clock.
/// </summary>
internal sealed class Dc09AccountSupervision : IDisposable
{
    private readonly Dictionary<string, (Dc09AccountConfig Account, ITimer Timer)> _timers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Action<Dc09AccountConfig, bool> _report;

    /// <param name="report">Called with true when an account falls silent and false when it is heard from again.</param>
    public Dc09AccountSupervision(IEnumerable<Dc09AccountConfig> accounts, TimeProvider time, Action<Dc09AccountConfig, bool> report)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(time);
        _report = report;
        foreach (var account in accounts.Where(a => a.SupervisionSeconds > 0))
        {
            var timer = time.CreateTimer(_ => _report(account, true), null, Window(account), Timeout.InfiniteTimeSpan);
            _timers[account.Account] = (account, timer);
        }
    }

    public void Heard(Dc09AccountConfig account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_timers.TryGetValue(account.Account, out var supervised))
        {
            supervised.Timer.Change(Window(account), Timeout.InfiniteTimeSpan);
            _report(account, false);
        }
    }

    public void Dispose()
    {
        foreach (var (_, timer) in _timers.Values)
        {
            timer.Dispose();
        }
    }

    private static TimeSpan Window(Dc09AccountConfig account) => TimeSpan.FromSeconds(account.SupervisionSeconds);
}
