using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VendorPortal.Web.Features.Notifications;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"Pickup" writes .eml files to the data folder's mail/ folder; "Smtp" sends.</summary>
    public string Mode { get; set; } = "Pickup";
    public string FromAddress { get; set; } = "no-reply@vendorportal.local";
    public string FromName { get; set; } = "VendorPortal";
    /// <summary>The portal's public address, used in links inside e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 587;
    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
}

/// <summary>An e-mail to send; <paramref name="UnsubscribeUrl"/> is the one-click address of a notification (none on account e-mails).</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string HtmlBody, string? UnsubscribeUrl = null);

public sealed class Mailer(IOptions<MailOptions> options, DataFolder data, TimeProvider clock)
{
    public async Task SendAsync(MailMessage mail, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var message = new MimeMessage { Date = now };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.UnsubscribeUrl is { Length: > 0 } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs "List-Unsubscribe=One-Click" here.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        if (string.Equals(o.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.SmtpUserName))
                await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return;
        }

        var file = Path.Combine(data.Sub("mail"), $"{now:yyyyMMddHHmmssfff}-{message.MessageId}.eml");
        // Written aside and moved in, so whoever reads the pickup folder never sees half a message.
        var partial = file + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, file);
    }
}
