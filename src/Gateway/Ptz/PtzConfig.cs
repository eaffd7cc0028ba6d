namespace AfterSales.Gateway.Ptz;

/// <summary>The RS-485 bus of Pelco-D PTZ heads: <c>ptz</c> in gateway.json.</summary>
internal sealed record PtzConfig
{
    public string Port { get; set; } = string.Empty;

    /// <summary>Pelco-D heads ship at 2400 baud, 8N1.</summary>
    public int BaudRate { get; set; } = 2400;

    /// <summary>How often every head is asked for its pan position.</summary>
    public double PollIntervalSeconds { get; set; } = 30;

    /// <summary>How long one head has to answer before the bus moves on to the next.</summary>
    public int ResponseTimeoutMilliseconds { get; set; } = 500;

    public int MissedPollsBeforeFault { get; set; } = 3;

    public IReadOnlyList<PtzHeadConfig> Heads { get; set; } = [];

    // A method, not a property: a read-only property named like a JSON field would silently swallow that field.
    public TimeSpan PollInterval() => TimeSpan.FromSeconds(PollIntervalSeconds);

    public TimeSpan ResponseTimeout() => TimeSpan.FromMilliseconds(ResponseTimeoutMilliseconds);
}
