using System.Net;
using System.Text;

namespace VendorPortal.Web.Features.Notifications;

public sealed record MailFact(string Label, string Value);

public sealed record MailButton(string Label, string Url);

/// <summary>
/// An e-mail someone acts on: a heading, a lead sentence, the facts as a small table, a button to the page where they act,
/// and any further lines (a list of statements). Written in the recipient's language by the code that knows the facts.
/// </summary>
public sealed record MailContent(string Subject, string Heading, string Lead)
{
    public IReadOnlyList<MailFact> Facts { get; init; } = [];
    public MailButton? Button { get; init; }
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>A message of the plain kind (a subject and a paragraph): the subject is its heading.</summary>
    public static MailContent Plain(string subject, string body) => new(subject, subject, body);
}

/// <summary>The small print under a message: why it came, and the links that manage it.</summary>
public sealed record MailFooter(string Reason, IReadOnlyList<MailButton> Links);

/// <summary>
/// Lays an e-mail out as plain text and as HTML that mail clients show alike: tables for layout, inline styles, no
/// images, scripts or external files, every value HTML-encoded. Written in the current UI language (the recipient's).
/// </summary>
public static class MailLayout
{
    private const string Font = "font-family:Arial,'Helvetica Neue',Helvetica,'PingFang SC','Microsoft YaHei',sans-serif";

    public static MailMessage Render(string to, MailContent mail, MailFooter footer) =>
        new(to, mail.Subject, Text(mail, footer), Html(mail, footer));

    public static string Text(MailContent mail, MailFooter footer)
    {
        var text = new StringBuilder();
        text.Append(mail.Heading).Append("\n\n").Append(mail.Lead).Append("\n\n");
        foreach (var fact in mail.Facts) text.Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
        if (mail.Facts.Count > 0) text.Append('\n');
        foreach (var line in mail.Lines) text.Append(line).Append('\n');
        if (mail.Lines.Count > 0) text.Append('\n');
        if (mail.Button is { } button) text.Append(button.Label).Append(": ").Append(button.Url).Append("\n\n");
        text.Append("-- \n").Append(footer.Reason).Append('\n');
        foreach (var link in footer.Links) text.Append(link.Label).Append(": ").Append(link.Url).Append('\n');
        return text.ToString();
    }

    public static string Html(MailContent mail, MailFooter footer)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var lang = CultureInfo.CurrentUICulture.Name == "zh-CN" ? "zh-CN" : "en";
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(mail.Subject)}</title></head>")
            .Append($"<body style=\"margin:0;padding:0;background:#f3f5f8;{Font};color:#1f2933\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f3f5f8\"><tr><td align=\"center\" style=\"padding:24px 12px\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width:600px;background:#ffffff;border:1px solid #d9dee5;border-radius:8px\">")
            .Append($"<tr><td style=\"padding:16px 24px;border-bottom:3px solid #1d4ed8;{Font};font-size:14px;font-weight:bold;color:#1d4ed8\">VendorPortal</td></tr>")
            .Append("<tr><td style=\"padding:24px\">")
            .Append($"<h1 style=\"margin:0 0 12px 0;{Font};font-size:22px;line-height:1.3;color:#111827\">{E(mail.Heading)}</h1>")
            .Append($"<p style=\"margin:0 0 16px 0;{Font};font-size:16px;line-height:1.5\">{E(mail.Lead)}</p>");
        if (mail.Facts.Count > 0)
        {
            html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;margin:0 0 16px 0\">");
            foreach (var fact in mail.Facts)
                html.Append("<tr>")
                    .Append($"<th scope=\"row\" align=\"left\" valign=\"top\" style=\"padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;{Font};font-size:14px;font-weight:normal;color:#4b5563;white-space:nowrap\">{E(fact.Label)}</th>")
                    .Append($"<td valign=\"top\" style=\"padding:6px 0;border-bottom:1px solid #e5e7eb;{Font};font-size:14px;color:#111827\">{E(fact.Value)}</td>")
                    .Append("</tr>");
            html.Append("</table>");
        }
        foreach (var line in mail.Lines)
            html.Append($"<p style=\"margin:0 0 8px 0;{Font};font-size:14px;line-height:1.5\">{E(line)}</p>");
        if (mail.Button is { } button)
            html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:16px 0 0 0\"><tr>")
                .Append("<td align=\"center\" bgcolor=\"#1d4ed8\" style=\"border-radius:6px;background:#1d4ed8\">")
                .Append($"<a href=\"{E(button.Url)}\" style=\"display:inline-block;padding:12px 24px;{Font};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px\">{E(button.Label)}</a>")
                .Append("</td></tr></table>");
        html.Append("</td></tr>")
            .Append($"<tr><td style=\"padding:16px 24px;border-top:1px solid #e5e7eb;{Font};font-size:12px;line-height:1.5;color:#4b5563\">")
            .Append($"<p style=\"margin:0 0 6px 0\">{E(footer.Reason)}</p>");
        if (footer.Links.Count > 0)
            html.Append("<p style=\"margin:0\">")
                .AppendJoin(" · ", footer.Links.Select(l => $"<a href=\"{E(l.Url)}\" style=\"color:#1d4ed8\">{E(l.Label)}</a>"))
                .Append("</p>");
        html.Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }
}
