using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Tests.Support;

namespace AfterSales.Cloud.Tests.Operations;

/// <summary>A wrong setting stops start-up with a message naming it, before any database or port is opened.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("--Mail:Port=0", "Mail:Port")]
    [InlineData("--Mail:From=not an address", "Mail:From")]
    [InlineData("--Mail:TrustedCertificateSha256=abc", "Mail:TrustedCertificateSha256")]
    [InlineData("--Broker:Port=70000", "Broker:Port")]
    [InlineData("--Broker:Embedded=false --Broker:Host=", "Broker:Host")]
    [InlineData("--Broker:TlsCertificateFile=/nonexistent/broker.pfx", "Broker:TlsCertificateFile")]
    [InlineData("--Broker:TlsCertificateFile=/etc/hostname", "Broker:TlsCertificateFile")]
    [InlineData("--Broker:TlsPort=0", "Broker:TlsPort")]
    [InlineData("--Telemetry:OtlpProtocol=udp", "Telemetry:OtlpProtocol")]
    [InlineData("--Sla:WarningPercents:0=120", "Sla:WarningPercents")]
    [InlineData("--Dispatch:TravelSpeedKmh=0", "Dispatch:TravelSpeedKmh")]
    [InlineData("--Gateways:OfflineAfterSeconds=3", "Gateways:OfflineAfterSeconds")]
    [InlineData("--Health:MaxTimerLagSeconds=1", "Health:MaxTimerLagSeconds")]
    [InlineData("--Database:Provider=mysql", "Database:Provider")]
    public async Task Start_WrongSetting_FailsNamingTheSetting_AndCreatesNoDatabase(string setting, string named)
    {
        var dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-options-{Guid.NewGuid():N}.db");
        // Later arguments win: the wrong setting overrides these otherwise harmless ones.
        string[] args = [$"--Database:ConnectionString=Data Source={dbFile}", "--urls=http://127.0.0.1:0", $"--Broker:Port={FreePorts.Next()}", "--Broker:BindAddress=127.0.0.1", .. setting.Split(' ')];

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = CloudHost.Build(args);
            await app.StartAsync();
            await app.StopAsync();
        });

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dbFile));
    }
}
