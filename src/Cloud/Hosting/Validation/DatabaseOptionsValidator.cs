using AfterSales.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) => new OptionChecks(DatabaseOptions.Section)
        .Require(nameof(options.Provider), options.Provider.ToUpperInvariant() is "SQLITE" or "POSTGRES" or "POSTGRESQL", $"is '{options.Provider}'; use 'sqlite' or 'postgres'.")
        .Require(nameof(options.ConnectionString), !string.IsNullOrWhiteSpace(options.ConnectionString), "must not be empty.")
        .Result();
}
