using System.CommandLine;
using System.CommandLine.Help;
using System.Net;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Sites;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// The cloud program's commands: run the service (the default), <c>apikey</c>, <c>demo-history</c>,
/// <c>gateway-secret-hash</c>, <c>broker-certificate</c> and <c>mosquitto-files</c>. Wrong use prints the error and the command's help and exits 2 before
/// anything is started or any database is touched; <c>--help</c> and <c>--version</c> work everywhere.
/// </summary>
internal static class CloudCommandLine
{
    public const int UsageError = 2;

    /// <summary>EX_CONFIG: a setting is wrong. The systemd unit does not restart on it; restarting cannot fix it.</summary>
    public const int ConfigurationError = 78;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        var parsed = root.Parse(args);
        var invalid = ConfigOverrides.FirstInvalid(parsed.UnmatchedTokens);
        if (parsed.Errors.Count > 0 || invalid is not null)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            if (invalid is not null)
            {
                await Console.Error.WriteLineAsync($"Unrecognized argument '{invalid}'. Settings are given as --Section:Key=value.");
            }

            await Console.Error.WriteLineAsync();
            new HelpAction().Invoke(parsed);
            return UsageError;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>A wrong setting is the operator's to fix: one line per setting and exit 78, not a stack trace.</summary>
    private static async Task<int> ReportingSettingsAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (SettingErrors(ex) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("Configuration error: " + failure);
            }

            return ConfigurationError;
        }
    }

    /// <summary>The host throws one validation exception, or an aggregate of them when several settings are wrong.</summary>
    private static List<string> SettingErrors(Exception ex) => ex switch
    {
        OptionsValidationException v => [.. v.Failures],
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) => [.. a.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)],
        _ => [],
    };

    private static RootCommand Build()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "A deployment settings file (JSON) over appsettings.json; also AFTERSALES_CLOUD_CONFIG.",
            HelpName = "FILE",
            Recursive = true,
        }.AcceptExistingOnly();
        var urls = new Option<string?>("--urls")
        {
            Description = "Where the web console and API listen, e.g. http://127.0.0.1:5080 (default from Urls: http://0.0.0.0:5080).",
            HelpName = "URLS",
        };
        var root = new RootCommand("AfterSales cloud service: ingest, tickets, SLA clocks, dispatch, web console and API. "
            + "Without a command it runs the service. Any setting can follow as --Section:Key=value (see docs/cloud.md), e.g. --Database:Provider=postgres.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(config);
        root.Options.Add(urls);
        root.SetAction((result, ct) => ReportingSettingsAsync(async () =>
        {
            var app = CloudHost.Build(HostArgs(result, config, result.GetValue(urls) is { } u ? ["--urls", u] : []));
            await app.RunAsync(ct);
            return 0;
        }));
        root.Subcommands.Add(ApiKeyCommand(config));
        root.Subcommands.Add(DemoHistoryCommand(config));
        root.Subcommands.Add(GatewaySecretHashCommand());
        root.Subcommands.Add(BrokerCertificateCommand());
        root.Subcommands.Add(MosquittoFilesCommand(config));
        return root;
    }

    /// <summary>Mosquitto's password and ACL files from the registry (docs/security.md, "Mosquitto").</summary>
    private static Command MosquittoFilesCommand(Option<FileInfo> config)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where passwd and acl go, e.g. /etc/mosquitto/aftersales.", Required = true, HelpName = "DIR" };
        var command = new Command(
            "mosquitto-files",
            "Write Mosquitto's password file and ACL from the configured database's gateways and the cloud's Broker:Username/Password: "
            + "each gateway may publish only its own site's events, status and heartbeat and read only its own config. Run it again after every enrolment or removal, then reload Mosquitto.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(output);
        command.SetAction((result, ct) => ReportingSettingsAsync(() =>
            MosquittoFilesExport.RunAsync(HostArgs(result, config, []), result.GetRequiredValue(output).FullName, ct)));
        return command;
    }

    /// <summary>A small install's TLS for the embedded broker: a site CA and a broker certificate (docs/security.md, "MQTT over TLS").</summary>
    private static Command BrokerCertificateCommand()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the files go, e.g. /etc/aftersales/broker-tls.", Required = true, HelpName = "DIR" };
        var hosts = new Option<string[]>("--host") { Description = "A DNS name the gateways dial (repeatable).", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var addresses = new Option<string[]>("--ip") { Description = "An IP address the gateways dial (repeatable).", HelpName = "ADDRESS" };
        var days = new Option<int>("--days") { Description = "How long the broker certificate is good for.", DefaultValueFactory = _ => BrokerCertificateBuilder.DefaultServerDays, HelpName = "DAYS" };
        var newCa = new Option<bool>("--new-ca") { Description = "Make a new site CA even if DIR holds one (every gateway then needs the new ca.pem)." };
        var caName = new Option<string>("--ca-name") { Description = "The new CA's name.", DefaultValueFactory = _ => "AfterSales site CA", HelpName = "NAME" };
        addresses.Validators.Add(r =>
        {
            foreach (var a in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!IPAddress.TryParse(a, out _))
                {
                    r.AddError($"--ip '{a}' is not an IP address.");
                }
            }
        });
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
            {
                r.AddError("--days must be between 1 and 3650.");
            }
        });
        var command = new Command(
            "broker-certificate",
            "Create a site CA (kept if DIR already has one) and a certificate for the embedded broker's TLS listener, for the names and addresses the gateways dial. "
            + "Writes ca.pem (give it to the gateways), ca-key.pem, broker.pfx, broker.pem and broker-key.pem; the keys readable by this user only.");
        command.Options.Add(output);
        command.Options.Add(hosts);
        command.Options.Add(addresses);
        command.Options.Add(days);
        command.Options.Add(newCa);
        command.Options.Add(caName);
        command.SetAction(result =>
        {
            var names = result.GetValue(hosts) ?? [];
            var ips = (result.GetValue(addresses) ?? []).Select(IPAddress.Parse).ToList();
            if (names.Length + ips.Count == 0)
            {
                Console.Error.WriteLine("Name at least one --host or --ip: the gateways check that the broker's certificate names the address they dial.");
                return UsageError;
            }

            var directory = result.GetRequiredValue(output).FullName;
            var issued = BrokerCertificateStore.Issue(directory, result.GetRequiredValue(caName), names, ips, result.GetValue(days), result.GetValue(newCa), DateTimeOffset.UtcNow);
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            Console.WriteLine(issued.KeptCa
                ? $"Kept the site CA in {directory} ({issued.Ca.Subject}, until {issued.Ca.NotAfter.ToString("yyyy-MM-dd", inv)}): gateways that trust it need nothing new."
                : $"Made a new site CA in {directory} ({issued.Ca.Subject}, until {issued.Ca.NotAfter.ToString("yyyy-MM-dd", inv)}): give ca.pem to every gateway (broker.caCertificate).");
            Console.WriteLine($"Broker certificate for {string.Join(", ", names.Concat(ips.Select(i => i.ToString())))} until {issued.Server.NotAfter.ToString("yyyy-MM-dd", inv)}.");
            Console.WriteLine("Settings for the cloud (then restart it):");
            Console.WriteLine($"  --Broker:TlsCertificateFile={Path.Combine(directory, BrokerCertificateStore.ServerPfxName)}");
            Console.WriteLine($"  --Broker:TlsCaCertificateFile={Path.Combine(directory, BrokerCertificateStore.CaCertificateName)}");
            Console.WriteLine($"Keep {BrokerCertificateStore.CaKeyName} offline if you can: whoever holds it can pose as the broker.");
            issued.Ca.Dispose();
            issued.Server.Dispose();
            return 0;
        });
        return command;
    }

    /// <summary>Lets a seed file carry a gateway's hash instead of its secret (Seed:Gateways:n:SecretHash).</summary>
    private static Command GatewaySecretHashCommand()
    {
        var command = new Command("gateway-secret-hash", "Read a gateway secret from standard input and print its hash, for Seed:Gateways:n:SecretHash.");
        command.SetAction(_ =>
        {
            var secret = Console.In.ReadLine()?.Trim() ?? string.Empty;
            if (secret.Length < 8)
            {
                Console.Error.WriteLine("A gateway secret has at least 8 characters.");
                return UsageError;
            }

            Console.WriteLine(GatewaySecrets.Hash(secret));
            return 0;
        });
        return command;
    }

    private static Command ApiKeyCommand(Option<FileInfo> config)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. nightly-report.", Required = true, HelpName = "NAME" };
        var role = new Option<string>("--role") { Description = "What the key may do.", Required = true }.AcceptOnlyFromAmong([.. ApiKeyRoles.All]);
        var tenant = new Option<string>("--tenant") { Description = "The service company whose data the key reads.", DefaultValueFactory = _ => Tenants.Default, HelpName = "TENANT" };
        var create = new Command("create", "Issue an API key against the configured database (migrating it first) and print it once; only its hash is stored.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        create.Options.Add(name);
        create.Options.Add(role);
        create.Options.Add(tenant);
        create.SetAction((result, ct) => ReportingSettingsAsync(async () =>
        {
            var key = await ApiKeyIssuer.CreateAsync(HostArgs(result, config, []), result.GetRequiredValue(name), result.GetRequiredValue(role), result.GetRequiredValue(tenant), ct);
            Console.WriteLine(key);
            return 0;
        }));
        var listTenant = new Option<string?>("--tenant") { Description = "Only this service company's keys (default: every company's).", HelpName = "TENANT" };
        var list = new Command("list", "List the API keys (id, name, role, company, issued, revoked); never the keys themselves.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        list.Options.Add(listTenant);
        list.SetAction((result, ct) => ReportingSettingsAsync(async () =>
        {
            var keys = await ApiKeyIssuer.ListAsync(HostArgs(result, config, []), result.GetValue(listTenant), ct);
            Console.WriteLine("id\tname\trole\ttenant\tissued\trevoked");
            foreach (var k in keys)
            {
                Console.WriteLine(FormattableString.Invariant($"{k.Id}\t{k.Name}\t{k.Role}\t{k.TenantId}\t{k.CreatedAt:u}\t{(k.RevokedAt is { } r ? r.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "-")}"));
            }

            return 0;
        }));
        var id = new Option<long>("--id") { Description = "The key's id, as `apikey list` shows it.", Required = true, HelpName = "ID" };
        var revoke = new Command("revoke", "Revoke an API key: scripts using it are refused at once, browser sessions started with it end at their next check.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        revoke.Options.Add(id);
        revoke.SetAction((result, ct) => ReportingSettingsAsync(async () =>
        {
            var revoked = await ApiKeyIssuer.RevokeAsync(HostArgs(result, config, []), result.GetRequiredValue(id), ct);
            if (revoked is null)
            {
                await Console.Error.WriteLineAsync($"No API key with id {result.GetRequiredValue(id)}; see `apikey list`.");
                return 1;
            }

            Console.WriteLine(FormattableString.Invariant($"Revoked key {revoked.Id} ({revoked.Name}, {revoked.Role}, tenant {revoked.TenantId})."));
            return 0;
        }));
        var apikey = new Command("apikey", "Manage API keys for scripts and integrations.");
        apikey.Subcommands.Add(create);
        apikey.Subcommands.Add(list);
        apikey.Subcommands.Add(revoke);
        return apikey;
    }

    private static Command DemoHistoryCommand(Option<FileInfo> config)
    {
        var month = new Option<string?>("--month") { Description = "The month to replay, yyyy-MM (default: last month).", HelpName = "yyyy-MM" };
        month.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } m && !ServiceMonth.TryParse(m, out _))
            {
                r.AddError($"--month '{m}' is not a month; use yyyy-MM, e.g. 2026-10.");
            }
        });
        var command = new Command("demo-history", "Replay a month of service at every seeded site through the real services and write its reports (what ./demo.sh runs first).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(month);
        command.SetAction((result, ct) => ReportingSettingsAsync(() =>
        {
            var period = ServiceMonth.TryParse(result.GetValue(month), out var m) ? m : ServiceMonth.FirstOfMonth(DateOnly.FromDateTime(DateTime.UtcNow)).AddMonths(-1);
            return DemoHistoryRun.RunAsync(HostArgs(result, config, ["--Calendar:Enabled=false"]), period, ct);
        }));
        return command;
    }

    /// <summary>What the host's configuration sees: the settings overrides, the config file, and extras.</summary>
    private static string[] HostArgs(ParseResult result, Option<FileInfo> config, string[] extra) =>
        [.. result.UnmatchedTokens, .. result.GetValue(config) is { } file ? new[] { "--config", file.FullName } : [], .. extra];
}
