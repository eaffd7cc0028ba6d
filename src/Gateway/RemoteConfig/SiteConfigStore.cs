using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>
/// Checks each config the cloud publishes (its signature, its site, its issue time and version, then its devices:
/// <see cref="SiteConfigVerdict"/>), keeps the last good one in <c>{stateDirectory}/site-config.json</c> with its
/// signature in <c>site-config.json.sig</c> (each written to a temporary file, fsync'd, renamed, so a power cut leaves
/// the old or the new one, never half), and rejects a bad one without touching the running config. At start-up the
/// kept one is loaded after the same checks, so a gateway without a link still runs it and a file planted in the
/// state directory is not trusted more than a message on the broker.
/// </summary>
internal sealed partial class SiteConfigStore : ISiteConfigSource
{
    public const string FileName = "site-config.json";

    public const string SignatureFileName = FileName + ".sig";

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly string _signaturePath;
    private readonly string _siteId;
    private readonly CloudConfigKey? _key;
    private readonly TimeProvider _time;
    private readonly ILogger<SiteConfigStore> _logger;
    private readonly Func<SiteConfig, string?> _check;
    private SiteConfig? _current;
    private OfferedConfig? _issuedAhead;

    /// <param name="key">The cloud's public key; without one every config from the cloud is refused.</param>
    /// <param name="check">Says why a config cannot run on this gateway (its devices fail gateway.json's rules), or null.</param>
    public SiteConfigStore(
        string stateDirectory, string siteId, CloudConfigKey? key, TimeProvider time, ILogger<SiteConfigStore> logger, Func<SiteConfig, string?>? check = null)
    {
        _path = Path.Combine(stateDirectory, FileName);
        _signaturePath = Path.Combine(stateDirectory, SignatureFileName);
        _siteId = siteId;
        _key = key;
        _time = time;
        _logger = logger;
        _check = check ?? (_ => null);
        if (key is null)
        {
            LogNoKey();
        }

        _current = LoadKept();
    }

    public event Action<SiteConfig>? Changed;

    public SiteConfig? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Judges and, when signed, newer and valid, applies and keeps the offered config. Returns the verdict.</summary>
    public SiteConfigVerdict Offer(OfferedConfig offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        SiteConfigVerdict verdict;
        lock (_lock)
        {
            verdict = SiteConfigVerdict.Judge(offered, _siteId, _current, _key, _time.GetUtcNow());

            // The retained config comes again only at a reconnect; one refused for our clock being behind is judged
            // again (RetryIssuedAhead) so the gateway takes it once NTP has set the clock.
            _issuedAhead = verdict.IssuedAhead ? offered : null;
            if (verdict.Apply is { } candidate && _check(candidate) is { } problem)
            {
                // Rejected before it is kept: a restart must not come back to a config that cannot run.
                verdict = new SiteConfigVerdict(null, problem);
            }

            if (verdict.Rejection is { } reason)
            {
                LogRejected(reason, _current?.Version ?? 0);
                return verdict;
            }

            if (verdict.Apply is not { } config)
            {
                return verdict;
            }

            try
            {
                Keep(offered);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Applying a config that would be forgotten at the next restart is still better than ignoring it.
                LogNotKept(config.Version, _path, ex.Message);
            }

            _current = config;
            LogApplied(config.Version, config.Devices.Count, config.Checks.HeartbeatIntervalS);
        }

        Changed?.Invoke(verdict.Apply);
        return verdict;
    }

    /// <summary>Judges once more a config refused only because it was issued ahead of this gateway's clock.</summary>
    public void RetryIssuedAhead()
    {
        OfferedConfig? waiting;
        lock (_lock)
        {
            waiting = _issuedAhead;
        }

        if (waiting is not null && !SiteConfigVerdict.Judge(waiting, _siteId, null, _key, _time.GetUtcNow()).IssuedAhead)
        {
            Offer(waiting);
        }
    }

    private void Keep(OfferedConfig offered)
    {
        // Signature first: a power cut between the two leaves a pair that does not verify, which costs waiting for the
        // retained config at the next connect; the other order could pair the new signature check with the old payload.
        WriteDurably(_signaturePath, System.Text.Encoding.ASCII.GetBytes(offered.Signature ?? string.Empty));
        WriteDurably(_path, offered.Payload);
    }

    private static void WriteDurably(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private SiteConfig? LoadKept()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        var signature = File.Exists(_signaturePath) ? File.ReadAllText(_signaturePath).Trim() : null;
        var verdict = SiteConfigVerdict.Judge(new OfferedConfig(File.ReadAllBytes(_path), signature, null), _siteId, null, _key, _time.GetUtcNow());
        if (verdict.Apply is { } kept)
        {
            LogLoaded(kept.Version, _path);
            return kept;
        }

        LogKeptUnusable(_path, verdict.Rejection ?? "unknown");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site config version {Version} applied: {DeviceCount} devices, heartbeat every {HeartbeatS} s")]
    private partial void LogApplied(int version, int deviceCount, int heartbeatS);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site config from the cloud rejected: {Reason}; still running version {RunningVersion}")]
    private partial void LogRejected(string reason, int runningVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No cloudConfigKey in gateway.json: every site config from the cloud is refused and the gateway runs gateway.json alone; install the cloud's public key (GET /api/v1/config-signing-key)")]
    private partial void LogNoKey();

    [LoggerMessage(Level = LogLevel.Information, Message = "Site config version {Version} loaded from {File}")]
    private partial void LogLoaded(int version, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kept site config {File} is unusable ({Reason}); waiting for the cloud to send one")]
    private partial void LogKeptUnusable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site config version {Version} applied but could not be kept in {File}: {Reason}")]
    private partial void LogNotKept(int version, string file, string reason);
}
