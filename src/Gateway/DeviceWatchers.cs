using System.Text.Json;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Protocol.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway;

/// <summary>
/// Runs the watchers of the devices the cloud's inventory lists (cameras and recorders, serial panels, the PTZ bus) and
/// starts them again with the new list when a site config changes it; until the cloud has sent one, gateway.json's lists
/// run. A site config that cannot run here never reaches this: the store rejects it (see <see cref="SiteInventory"/>).
/// </summary>
internal sealed partial class DeviceWatchers(
    GatewayConfig local,
    SiteConfigStore site,
    IServiceProvider services,
    ILogger<DeviceWatchers> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<IHostedService> _running = [];
    private string? _applied;
    private bool _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        site.Changed += OnChanged;
        await ApplyAsync(site.Current, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        site.Changed -= OnChanged;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stopped = true;
            await StopRunningAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void OnChanged(SiteConfig config) => _ = ApplyInBackgroundAsync(config);

    private async Task ApplyInBackgroundAsync(SiteConfig config)
    {
        try
        {
            await ApplyAsync(config, CancellationToken.None);
        }
#pragma warning disable CA1031 // A watcher that fails to restart must not take the uplink down with it; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRestartFailed(ex, config.Version);
        }
    }

    private async Task ApplyAsync(SiteConfig? config, CancellationToken ct)
    {
        var merged = SiteInventory.Apply(local, config);
        if (!merged.IsValid)
        {
            // Only a kept config can get here (gateway.json changed since it was kept): run gateway.json's lists.
            LogUnusable(merged.Error);
        }

        var devices = merged.IsValid ? merged.Config : local;
        var fingerprint = JsonSerializer.Serialize(devices, GatewayConfigJsonContext.Default.GatewayConfig);
        await _gate.WaitAsync(ct);
        try
        {
            if (_stopped || fingerprint == _applied)
            {
                return;
            }

            await StopRunningAsync(ct);
            _running = Create(devices);
            foreach (var watcher in _running)
            {
                await watcher.StartAsync(ct);
            }

            _applied = fingerprint;
            LogApplied(config?.Version ?? 0, devices.Cameras.Count, devices.Panels.Count, devices.Ptz?.Heads.Count ?? 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<IHostedService> Create(GatewayConfig devices)
    {
        List<IHostedService> watchers = [ActivatorUtilities.CreateInstance<CameraWatcher>(services, devices.Cameras)];
        if (devices.Panels.Count > 0)
        {
            watchers.Add(ActivatorUtilities.CreateInstance<PanelSessions>(services, devices.Panels));
        }

        if (devices.Ptz is { } ptz)
        {
            // Its own backoff: the uplink's singleton counts broker failures, not serial ones.
            watchers.Add(ActivatorUtilities.CreateInstance<PtzBus>(services, ptz, new ReconnectBackoff()));
        }

        return watchers;
    }

    private async Task StopRunningAsync(CancellationToken ct)
    {
        foreach (var watcher in _running)
        {
            await watcher.StopAsync(ct);
            (watcher as IDisposable)?.Dispose();
        }

        _running = [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Devices from site config version {Version} running: {Cameras} cameras and recorders, {Panels} serial panels, {Heads} PTZ heads")]
    private partial void LogApplied(int version, int cameras, int panels, int heads);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kept site config does not fit gateway.json ({Reason}); running gateway.json's device lists")]
    private partial void LogUnusable(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting the device watchers for site config version {Version} failed")]
    private partial void LogRestartFailed(Exception exception, int version);
}
