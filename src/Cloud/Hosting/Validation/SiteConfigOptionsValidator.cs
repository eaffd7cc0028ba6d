using AfterSales.Cloud.Provisioning;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class SiteConfigOptionsValidator : IValidateOptions<SiteConfigOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteConfigOptions options) => new OptionChecks(SiteConfigOptions.Section)
        .Range(nameof(options.HeartbeatIntervalS), options.HeartbeatIntervalS, 1, 3600)
        .Range(nameof(options.CameraCheckIntervalS), options.CameraCheckIntervalS, 1, 86400)
        .Range(nameof(options.CameraMissesBeforeFault), options.CameraMissesBeforeFault, 1, 100)
        .Range(nameof(options.ClockDriftToleranceS), options.ClockDriftToleranceS, 1, 86400)
        .Range(nameof(options.CheckForChangesSeconds), options.CheckForChangesSeconds, 1, 86400)
        .Require(nameof(options.Devices), options.Devices.Values.SelectMany(d => d).All(d => !string.IsNullOrWhiteSpace(d.DeviceId)), "has a device without a DeviceId.")
        .Result();
}
