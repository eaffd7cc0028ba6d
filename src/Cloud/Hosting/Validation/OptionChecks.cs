using System.Globalization;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting.Validation;

/// <summary>Collects setting errors, each naming the setting the way an operator writes it (<c>Section:Key</c>).</summary>
internal sealed class OptionChecks(string section)
{
    private readonly List<string> _failures = [];

    public OptionChecks Range(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{key} is {value}; it must be between {min} and {max}."));
        }

        return this;
    }

    public OptionChecks Require(string key, bool condition, string problem)
    {
        if (!condition)
        {
            _failures.Add($"{section}:{key} {problem}");
        }

        return this;
    }

    public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
