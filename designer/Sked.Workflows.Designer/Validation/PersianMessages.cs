using System.Text.RegularExpressions;

namespace Sked.Workflows.Designer.Validation;

/// <summary>
/// The validator's messages in Persian for process owners. The engine writes them in English for
/// files and logs; the designer shows both, so a message without a translation here still reads.
/// </summary>
public static class PersianMessages
{
    private static readonly (Regex Pattern, string Persian)[] Translations =
    [
        Rule(@"^outcome '(.+)' is not connected to any node\.$", "پیامد «$1» به هیچ گره‌ای وصل نیست."),
        Rule(@"^outcome '(.+)' is connected twice\.$", "پیامد «$1» دو بار وصل شده است."),
        Rule(@"^outcome '(.+)' is listed twice\.$", "پیامد «$1» دو بار آمده است."),
        Rule(@"^unreachable: no path from the start node leads here\.$", "از گره شروع راهی به این گره نمی‌رسد."),
        Rule(@"^no path from this node to an end node\.$", "از این گره راهی به گره پایان نیست."),
        Rule(@"^missing required property '(.+?)'(?: \((.+)\))?\.$", "ویژگی الزامی «$1» خالی است."),
        Rule(@"^unknown node type '(.*)'; allowed: .*$", "نوع گره «$1» شناخته نیست."),
        Rule(@"^duplicate node id\.$", "شناسه این گره تکراری است."),
        Rule(@"^connection from missing node '(.+)'\.$", "اتصالی از گره ناموجود «$1» هست."),
        Rule(@"^connection '(.+)' goes to missing node '(.+)'\.$", "پیامد «$1» به گره ناموجود «$2» می‌رود."),
        Rule(@"^connection from unknown outcome '(.+)'; the node's outcomes: (.*)\.$", "این گره پیامد «$1» ندارد؛ پیامدهایش: $2."),
        Rule(@"^a definition needs exactly one start node; it has (\d+)\.$", "گردش کار باید درست یک گره شروع داشته باشد؛ اکنون $1 دارد."),
        Rule(@"^a definition needs at least one end node\.$", "گردش کار دست‌کم یک گره پایان می‌خواهد."),
        Rule(@"^the start node must lead to an intake node, which issues the tracking code\.$", "گره شروع باید به گره پذیرش برسد که کد رهگیری صادر می‌کند."),
        Rule(@"^a human task needs at least one outcome\.$", "کار انسانی دست‌کم یک پیامد (دکمه) می‌خواهد."),
        Rule(@"^a decision needs at least one rule\.$", "تصمیم دست‌کم یک قاعده می‌خواهد."),
        Rule(@"^rule (\d+) has no outcome\.$", "قاعده $1 پیامد ندارد."),
        Rule(@"^rule (\d+) has no department\.$", "قاعده $1 واحد ندارد."),
        Rule(@"^'(.+)' = '(.*)' is not an ISO 8601 duration such as P2D or PT4H\.$", "«$2» در «$1» مدت معتبری نیست؛ مانند P2D (دو روز) یا PT4H (چهار ساعت)."),
        Rule(@"^'(.+)' names unknown department '(.+)'\.$", "واحد «$2» در «$1» شناخته نیست."),
        Rule(@"^role (.+) needs a candidateDepartment .*$", "نقش $1 واحد انجام‌دهنده می‌خواهد (routed یا یک واحد)."),
        Rule(@"^candidateRole '(.*)' does not work on cases; .*$", "نقش «$1» روی پرونده‌ها کار نمی‌کند."),
        Rule(@"^reassignToHead needs a candidateDepartment: only departments have heads\.$", "ارجاع به مدیر واحد، واحد انجام‌دهنده می‌خواهد؛ تنها واحدها مدیر دارند."),
        Rule(@"^form field '(.*)' is required for unknown outcome '(.+)'\.$", "فیلد «$1» برای پیامد ناموجود «$2» الزامی شده است."),
        Rule(@"^form field '(.*)' is listed twice\.$", "فیلد فرم «$1» دو بار آمده است."),
        Rule(@"^form field '(.*)' is a select without options\.$", "فیلد فهرستی «$1» گزینه ندارد."),
        Rule(@"^form field '(.*)' has unknown type '(.*)'; .*$", "نوع «$2» برای فیلد «$1» شناخته نیست."),
        Rule(@"^a form field has no name\.$", "یکی از فیلدهای فرم نام ندارد."),
        Rule(@"^unknown placeholder '(.+)' in template\.$", "جای‌نگهدار «$1» در متن پیام شناخته نیست."),
        Rule(@"^unknown status '(.*)'(?:;.*)?\.$", "وضعیت «$1» شناخته نیست."),
        Rule(@"^(rule \d+): unknown field '(.*)'; .*$", "$1: فیلد «$2» شناخته نیست."),
        Rule(@"^(rule \d+): operator '(.+)' needs a 'value'\.$", "$1: مقایسه «$2» مقدار می‌خواهد."),
        Rule(@"^(rule \d+): operator 'in' needs 'values'\.$", "$1: مقایسه «in» فهرست مقادیر می‌خواهد."),
        Rule(@"^threshold must be at least 1\.$", "آستانه تکرار دست‌کم ۱ است."),
        Rule(@"^properties do not fit (.+?): .*$", "ویژگی‌ها با نوع $1 نمی‌خوانند (نوع یا نام نادرست)."),
    ];

    /// <summary>The Persian reading of a validator message, or null when there is none.</summary>
    public static string? Translate(string message)
    {
        foreach (var (pattern, persian) in Translations)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return match.Result(persian);
            }
        }

        return null;
    }

    private static (Regex, string) Rule(string pattern, string persian) =>
        (new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), persian);
}
