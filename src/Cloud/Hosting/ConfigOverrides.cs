namespace AfterSales.Cloud.Hosting;

/// <summary>
/// The tokens a command does not declare must be configuration overrides, <c>--Section:Key=value</c>
/// or <c>--Section:Key value</c> (what ASP.NET Core's command-line configuration reads); anything
/// else is a mistake to report, not a setting to ignore.
/// </summary>
internal static class ConfigOverrides
{
    /// <returns>The first token that is not an override, or null when all are.</returns>
    public static string? FirstInvalid(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                return token;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            if (!key.Contains(':', StringComparison.Ordinal) || key.StartsWith(':') || key.EndsWith(':'))
            {
                return token;
            }

            if (equals < 0)
            {
                // "--Section:Key value": the value is the next token.
                if (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return token;
                }

                i++;
            }
        }

        return null;
    }
}
