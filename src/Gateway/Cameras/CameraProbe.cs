namespace AfterSales.Gateway.Cameras;

/// <summary>Runs the enabled checks of one device side by side, so a round takes one timeout at worst, not three.</summary>
internal sealed class CameraProbe(OnvifProbe onvif)
{
    public async Task<CameraRound> RunAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var ping = Maybe(camera.Icmp, () => PingProbe.CheckAsync(camera, cancellationToken));
        var rtsp = Maybe(camera.RtspPort > 0, () => RtspProbe.CheckAsync(camera, cancellationToken));
        var clock = Maybe(camera.OnvifPort > 0, () => onvif.CheckAsync(camera, cancellationToken));
        await Task.WhenAll(ping, rtsp, clock);
        return new CameraRound(await ping, await rtsp, await clock);
    }

    private static async Task<CheckResult?> Maybe(bool enabled, Func<Task<CheckResult>> check) =>
        enabled ? await check() : null;
}
