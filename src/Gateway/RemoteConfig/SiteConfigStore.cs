using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.RemoteConfig;

/// <summary>
/// Validates each config the cloud publishes, keeps the last good one in
/// <c>{stateDirectory}/site-config.json</c> (written to a temporary file, fsync'd, renamed, so a
/// power cut leaves the old or the new one, never half), and rejects a bad one without touching
/// the running config. At start-up the kept one is loaded, so a gateway without a link still runs it.
/// </summary>
internal sealed partial class SiteConfigStore : ISiteConfigSource
{
    public const string FileName = "site-config.json";

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly string _siteId;
    private readonly ILogger<SiteConfigStore> _logger;
    private readonly Func<SiteConfig, string?> _check;
    private SiteConfig? _current;

    /// <param name="check">Says why a config cannot run on this gateway (its devices fail gateway.json's rules), or null.</param>
    public SiteConfigStore(string stateDirectory, string siteId, ILogger<SiteConfigStore> logger, Func<SiteConfig, string?>? check = null)
    {
        _path = Path.Combine(stateDirectory, FileName);
        _siteId = siteId;
        _logger = logger;
        _check = check ?? (_ => null);
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

    /// <summary>Judges and, when newer and valid, applies and keeps the offered payload. Returns the verdict.</summary>
    public SiteConfigVerdict Offer(ReadOnlySpan<byte> payload)
    {
        SiteConfigVerdict verdict;
        lock (_lock)
        {
            verdict = SiteConfigVerdict.Judge(payload, _siteId, _current);
            if (verdict.Apply is { } offered && _check(offered) is { } problem)
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
                Keep(payload);
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

    private void Keep(ReadOnlySpan<byte> payload)
    {
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(payload);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }

    private SiteConfig? LoadKept()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        var verdict = SiteConfigVerdict.Judge(File.ReadAllBytes(_path), _siteId, null);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Site config version {Version} loaded from {File}")]
    private partial void LogLoaded(int version, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kept site config {File} is unusable ({Reason}); waiting for the cloud to send one")]
    private partial void LogKeptUnusable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site config version {Version} applied but could not be kept in {File}: {Reason}")]
    private partial void LogNotKept(int version, string file, string reason);
}
