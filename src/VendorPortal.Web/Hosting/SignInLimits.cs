using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Hosting;

public sealed class LoginRateLimitOptions
{
    public const string Section = "LoginRateLimit";
    /// <summary>All sign-in attempts from one address (an IPv6 /64) in a minute: high, a whole floor shares one NAT address.</summary>
    public int PermitsPerMinute { get; set; } = 300;
    /// <summary>Failed attempts for one account from one address within the failure window.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 10;
    /// <summary>Failed attempts for one account from anywhere within the failure window.</summary>
    public int FailuresPerAccount { get; set; } = 30;
    public int FailureWindowMinutes { get; set; } = 15;
}

/// <summary>Refused before the password was checked; answers 429 with the seconds left in Retry-After.</summary>
public sealed class TooManySignInAttempts(TimeSpan retryAfter)
    : Exception($"Too many failed sign-ins for this account. Try again in {MinutesOf(retryAfter)} minute(s).")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
    public int Minutes => MinutesOf(RetryAfter);

    private static int MinutesOf(TimeSpan wait) => (SignInLimiter.Seconds(wait) + 59) / 60;
}

/// <summary>
/// Fixed windows over the app's clock, kept in this node's memory: behind a load balancer each node counts
/// on its own, so the effective limits are the configured ones times the number of nodes.
/// (The framework's limiters read the machine's clock, which the app must not.)
/// </summary>
public sealed class SignInLimiter(TimeProvider clock, IOptions<LoginRateLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly LoginRateLimitOptions limits = options.Value;
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    private TimeSpan FailureWindow => TimeSpan.FromMinutes(limits.FailureWindowMinutes);

    /// <summary>Counts one attempt from the address; the wait when the address is over its ceiling.</summary>
    public TimeSpan? Attempt(IPAddress? address) =>
        Count($"ip|{AddressKey(address)}", limits.PermitsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>Throws when the account, from here or from anywhere, has used up its failures.</summary>
    public void EnsureOpen(string account, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var wait = Max(
            Over(AccountKey(account), limits.FailuresPerAccount, now),
            Over(AccountAddressKey(account, address), limits.FailuresPerAccountAndAddress, now));
        if (wait is { } w) throw new TooManySignInAttempts(w);
    }

    public void Failed(string account, IPAddress? address)
    {
        Count(AccountKey(account), int.MaxValue, FailureWindow);
        Count(AccountAddressKey(account, address), int.MaxValue, FailureWindow);
    }

    /// <summary>The person got in from here: their typos from this address are forgiven (the account-wide count stays).</summary>
    public void Succeeded(string account, IPAddress? address) => windows.TryRemove(AccountAddressKey(account, address), out _);

    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private TimeSpan? Count(string key, int limit, TimeSpan length)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var window = windows.AddOrUpdate(key, _ => new Window(now + length), (_, w) => w.End <= now ? new Window(now + length) : w);
        return Interlocked.Increment(ref window.Count) > limit ? window.End - now : null;
    }

    private TimeSpan? Over(string key, int limit, DateTimeOffset now) =>
        windows.TryGetValue(key, out var w) && w.End > now && Volatile.Read(ref w.Count) >= limit ? w.End - now : null;

    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep) return;
        nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (key, window) in windows)
            if (window.End <= now) windows.TryRemove(key, out _);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    // Hashed: the key stays small whatever is typed, and e-mails are not kept in memory.
    private static string AccountKey(string account) =>
        "acct|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToUpperInvariant())));

    private static string AccountAddressKey(string account, IPAddress? address) => $"{AccountKey(account)}|{AddressKey(address)}";

    /// <summary>IPv6 by its /64: one subscriber usually holds a whole /64 and could rotate through it.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    private sealed class Window(DateTimeOffset end)
    {
        public readonly DateTimeOffset End = end;
        public int Count;
    }
}

public static class SignInLimits
{
    /// <summary>
    /// The per-address ceiling on every endpoint that names the <see cref="Authentication.LoginRateLimit"/> policy
    /// (RequireRateLimiting / [EnableRateLimiting]); reading a sign-in page is not an attempt, sending it is.
    /// </summary>
    public static IApplicationBuilder UseSignInLimits(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
            && ctx.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is { PolicyName: Authentication.LoginRateLimit }
            && ctx.RequestServices.GetRequiredService<SignInLimiter>().Attempt(ctx.Connection.RemoteIpAddress) is { } wait)
        {
            await RefuseAsync(ctx, wait, "Too many sign-in attempts from this address. Wait before trying again.");
            return;
        }
        await next(ctx);
    });

    /// <summary>429 with Retry-After; problem details under /api, the friendly error page in the portal.</summary>
    public static async Task RefuseAsync(HttpContext ctx, TimeSpan wait, string message)
    {
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        if (!ctx.Request.Path.StartsWithSegments("/api")) return;
        var details = new FastEndpoints.ProblemDetails(
            [new FluentValidation.Results.ValidationFailure("generalErrors", message)],
            ctx.Request.Path, System.Diagnostics.Activity.Current?.Id ?? ctx.TraceIdentifier, StatusCodes.Status429TooManyRequests)
        {
            Detail = message,
        };
        await ctx.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ctx.RequestAborted);
    }
}
