using System.Net.NetworkInformation;

namespace AfterSales.Gateway.Cameras;

/// <summary>ICMP echo. Unprivileged on Linux, .NET falls back to the system's ping tool, which is fine at these intervals.</summary>
internal static class PingProbe
{
    public static async Task<CheckResult> CheckAsync(CameraConfig camera, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        using var ping = new Ping();
        try
        {
            var reply = await ping.SendPingAsync(camera.Host, camera.Timeout, buffer: null, options: null, cancellationToken);
            return reply.Status == IPStatus.Success
                ? CheckResult.Ok($"reply in {reply.RoundtripTime} ms")
                : CheckResult.Silent(reply.Status.ToString());
        }
        catch (PingException ex)
        {
            return CheckResult.Silent(ex.InnerException?.Message ?? ex.Message);
        }
    }
}
