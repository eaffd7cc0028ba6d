namespace AfterSales.Gateway.Uplink;

/// <summary>What the uplink knows about its link, kept for the status file; written by the uplink only.</summary>
internal sealed class ConnectionState
{
    private readonly Lock _lock = new();
    private bool _connected;
    private DateTimeOffset? _since;
    private string? _lastError;

    public void Connected(DateTimeOffset at)
    {
        lock (_lock)
        {
            (_connected, _since, _lastError) = (true, at, null);
        }
    }

    public void Disconnected(DateTimeOffset at, string reason)
    {
        lock (_lock)
        {
            if (_connected || _since is null)
            {
                _since = at;
            }

            (_connected, _lastError) = (false, reason);
        }
    }

    public (bool Connected, DateTimeOffset? Since, string? LastError) Snapshot()
    {
        lock (_lock)
        {
            return (_connected, _since, _lastError);
        }
    }
}
