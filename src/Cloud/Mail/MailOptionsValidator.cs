using AfterSales.Cloud.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AfterSales.Cloud.Mail;

/// <summary>The mail settings that data annotations cannot express; each message names the setting.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"Mail:From '{options.From}' is not a mail address (e.g. AfterSales <reports@example.com>).");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Mail:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Mail:UserName is set but Mail:Password is empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.Host) && options.EffectiveSecurity == MailSecurity.None && !string.IsNullOrEmpty(options.UserName) && !IsLoopback(options.Host))
        {
            failures.Add("Mail:Security is None but Mail:UserName is set: the password would cross the network in clear; use StartTls or SslOnConnect.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
