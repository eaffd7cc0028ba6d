using AfterSales.Cloud.Tickets.Correlation;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class CorrelationOptionsValidator : IValidateOptions<CorrelationOptions>
{
    public ValidateOptionsResult Validate(string? name, CorrelationOptions options) => new OptionChecks(CorrelationOptions.Section)
        .Range(nameof(options.GroupWindowMinutes), options.GroupWindowMinutes, 0, 24 * 60)
        .Result();
}
