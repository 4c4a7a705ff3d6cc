"""The demo site's authors, categories and blog posts."""

from demo.blocks import callout, code, embed, heading, image, paragraph, post_link, quote

AUTHORS = [
    {
        "slug": "ada-okafor",
        "name": "Ada Okafor",
        "bio": "Backend engineer and Python trainer. Ada has taught evening coding classes "
        "for eight years and still gets excited about a well-named variable.",
        "colour": (37, 99, 235),
    },
    {
        "slug": "lin-park",
        "name": "Lin Park",
        "bio": "Frontend developer who cares about accessibility and fast pages. Writes about "
        "TypeScript, React and the web platform.",
        "colour": (219, 39, 119),
    },
    {
        "slug": "mateo-silva",
        "name": "Mateo Silva",
        "bio": "Database person. Mateo has tuned PostgreSQL for startups and banks, and believes "
        "most performance problems are missing indexes.",
        "colour": (5, 150, 105),
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "bio": "Software engineer working on developer tooling. Interested in testing, "
        "automation and teaching people to read error messages.",
        "colour": (217, 119, 6),
    },
]

CATEGORIES = [
    ("Python", "python"),
    ("Web development", "web-development"),
    ("Databases", "databases"),
    ("Tooling", "tooling"),
    ("Career", "career"),
]

IMAGES = {
    "python-basics": ("Python basics cover", (37, 99, 235), (14, 165, 233)),
    "loops": ("Loops diagram", (79, 70, 229), (236, 72, 153)),
    "functions": ("Functions cover", (16, 185, 129), (59, 130, 246)),
    "git": ("Git branches cover", (234, 88, 12), (250, 204, 21)),
    "sql": ("SQL joins cover", (5, 150, 105), (20, 184, 166)),
    "indexes": ("B-tree index diagram", (30, 64, 175), (16, 185, 129)),
    "http": ("HTTP request cover", (190, 24, 93), (249, 115, 22)),
    "css": ("CSS layout cover", (124, 58, 237), (59, 130, 246)),
    "typescript": ("TypeScript cover", (29, 78, 216), (14, 116, 144)),
    "testing": ("Testing pyramid", (180, 83, 9), (220, 38, 38)),
    "debugging": ("Debugging cover", (71, 85, 105), (14, 165, 233)),
    "regex": ("Regular expressions cover", (21, 128, 61), (202, 138, 4)),
    "career": ("Career cover", (157, 23, 77), (99, 102, 241)),
    "async": ("Async event loop diagram", (12, 74, 110), (168, 85, 247)),
}

POSTS = [
    {
        "slug": "your-first-python-program",
        "title": "Your first Python program, explained line by line",
        "introduction": "Install nothing, type five lines, and understand every one of them: "
        "variables, strings, input and output.",
        "date": "2026-01-12",
        "authors": ["ada-okafor"],
        "categories": ["python"],
        "tags": ["python", "beginners", "strings"],
        "difficulty": "beginner",
        "hero": "python-basics",
        "body": [
            paragraph(
                "<p>Every programmer remembers the first program that did something they "
                "asked. In this post we write a tiny greeting program and read it the way the "
                "Python interpreter does: <b>top to bottom, one statement at a time</b>.</p>"
            ),
            heading("The whole program"),
            code(
                "python",
                """
name = input("What is your name? ")
greeting = f"Hello, {name}!"
print(greeting)
print("Your name has", len(name), "letters.")
""",
                "hello.py",
            ),
            paragraph(
                "<p>Run it with <code>python hello.py</code>. Python waits for you to type, "
                "then prints two lines.</p>"
            ),
            heading("Line by line"),
            paragraph(
                "<ol><li><code>input()</code> shows a prompt and returns what you typed as a "
                "string. The <code>=</code> sign stores it under the name <code>name</code>."
                "</li><li>An <i>f-string</i> (note the <code>f</code> before the quote) "
                "replaces <code>{name}</code> with the variable's value.</li><li><code>print()"
                "</code> writes its arguments to the screen, separated by spaces.</li><li>"
                "<code>len()</code> counts the characters in a string.</li></ol>"
            ),
            callout(
                "tip",
                "Names matter",
                "<p>Python does not care what you call a variable, but the next reader does. "
                "<code>greeting</code> says what the value is; <code>g</code> does not.</p>",
            ),
            image("python-basics", "A terminal window running hello.py", "Running hello.py"),
            quote(
                "Programs must be written for people to read, and only incidentally for "
                "machines to execute.",
                "Harold Abelson",
            ),
            embed("https://www.youtube.com/watch?v=rfscVS0vtbw", "A longer video introduction"),
        ],
    },
    {
        "slug": "loops-without-fear",
        "title": "Loops without fear: for, while and when to use each",
        "introduction": "Repeat work safely. We compare for and while loops, show the classic "
        "off-by-one mistakes and how range() avoids them.",
        "date": "2026-01-26",
        "authors": ["ada-okafor"],
        "categories": ["python"],
        "tags": ["python", "beginners", "loops"],
        "difficulty": "beginner",
        "hero": "loops",
        "body": [
            paragraph(
                "<p>Computers are good at doing the same thing many times. Python gives us two "
                "loops. A <code>for</code> loop walks over a collection; a <code>while</code> "
                f"loop repeats until a condition turns false. If you are new, read "
                f"{post_link('your-first-python-program', 'your first Python program')} "
                "first.</p>"
            ),
            heading("for: one step per item"),
            code(
                "python",
                """
scores = [72, 88, 95, 61]
total = 0
for score in scores:
    total += score
print("Average:", total / len(scores))
""",
            ),
            heading("while: until something changes"),
            code(
                "python",
                """
guess = None
while guess != "python":
    guess = input("Guess the language: ").strip().lower()
print("Correct!")
""",
            ),
            callout(
                "warning",
                "Infinite loops",
                "<p>A <code>while</code> loop whose condition never becomes false runs "
                "forever. Press <b>Ctrl+C</b> to stop it, then check that the loop body "
                "changes the condition.</p>",
            ),
            heading("range() and off-by-one errors", "h3"),
            paragraph(
                "<p><code>range(5)</code> produces 0, 1, 2, 3 and 4: five numbers, stopping "
                "<i>before</i> 5. Most off-by-one bugs come from forgetting that the end is "
                "excluded.</p>"
            ),
            image("loops", "Diagram of a for loop stepping through a list", "One step per item"),
        ],
    },
    {
        "slug": "functions-are-names-for-ideas",
        "title": "Functions are names for ideas",
        "introduction": "Why we write functions, how parameters and return values work, and "
        "the difference between printing a value and returning it.",
        "date": "2026-02-09",
        "authors": ["ada-okafor", "priya-raman"],
        "categories": ["python"],
        "tags": ["python", "beginners", "functions"],
        "difficulty": "beginner",
        "hero": "functions",
        "body": [
            paragraph(
                "<p>A function gives a name to a piece of work. Once it has a name, you can "
                "use it, test it and change it in one place.</p>"
            ),
            code(
                "python",
                '''
def fahrenheit(celsius: float) -> float:
    """Convert a Celsius temperature to Fahrenheit."""
    return celsius * 9 / 5 + 32


print(fahrenheit(21))  # 69.8
''',
                "temperature.py",
            ),
            heading("print is not return"),
            paragraph(
                "<p>Beginners often <code>print</code> inside a function and wonder why the "
                "caller gets <code>None</code>. <code>print</code> shows a value to a human; "
                "<code>return</code> hands it back to the code that called the function.</p>"
            ),
            callout(
                "note",
                "Docstrings",
                "<p>The string right under <code>def</code> is a docstring. Editors show it "
                "when you hover over the function, and <code>help(fahrenheit)</code> prints "
                "it.</p>",
            ),
            image("functions", "Boxes labelled input, function and output", "Input, work, output"),
        ],
    },
    {
        "slug": "git-branches-for-humans",
        "title": "Git branches for humans",
        "introduction": "A branch is just a movable label. Once that clicks, merging, "
        "rebasing and fixing mistakes stop being scary.",
        "date": "2026-02-23",
        "authors": ["priya-raman"],
        "categories": ["tooling"],
        "tags": ["git", "version-control"],
        "difficulty": "beginner",
        "hero": "git",
        "body": [
            paragraph(
                "<p>Git stores snapshots called commits. A <b>branch</b> is a name that "
                "points at one commit and moves forward when you commit on it. That is all.</p>"
            ),
            code(
                "bash",
                """
git switch -c fix-typo       # create a branch and move onto it
git commit -am "Fix typo in README"
git switch main
git merge fix-typo
""",
            ),
            callout(
                "tip",
                "Undo the last commit, keep the changes",
                "<p><code>git reset --soft HEAD~1</code> moves the branch back one commit "
                "and leaves your edits staged.</p>",
            ),
            heading("Merge or rebase?"),
            paragraph(
                "<p>Merging keeps history exactly as it happened. Rebasing rewrites your "
                "branch on top of another, giving a straight line. Rebase only branches "
                "nobody else has pulled.</p>"
            ),
            quote("Commit early, commit often, and write messages for your future self."),
            image("git", "Two branches diverging from a main line", "Branches are labels"),
        ],
    },
    {
        "slug": "sql-joins-visualised",
        "title": "SQL joins, visualised with real tables",
        "introduction": "INNER, LEFT and FULL joins explained with two small tables you can "
        "paste into any database.",
        "date": "2026-03-09",
        "authors": ["mateo-silva"],
        "categories": ["databases"],
        "tags": ["sql", "postgresql", "joins"],
        "difficulty": "intermediate",
        "hero": "sql",
        "body": [
            paragraph(
                "<p>A join combines rows from two tables where a condition holds. Let us "
                "build two tables and try each kind.</p>"
            ),
            code(
                "sql",
                """
CREATE TABLE students (id int PRIMARY KEY, name text);
CREATE TABLE enrolments (student_id int, course text);

INSERT INTO students VALUES (1, 'Ada'), (2, 'Lin'), (3, 'Mateo');
INSERT INTO enrolments VALUES (1, 'Python'), (1, 'SQL'), (2, 'CSS');
""",
                "setup.sql",
            ),
            heading("INNER JOIN: only matches"),
            code(
                "sql",
                """
SELECT s.name, e.course
FROM students s
JOIN enrolments e ON e.student_id = s.id;
""",
            ),
            heading("LEFT JOIN: keep every student"),
            code(
                "sql",
                """
SELECT s.name, e.course
FROM students s
LEFT JOIN enrolments e ON e.student_id = s.id;
-- Mateo appears with course = NULL
""",
            ),
            callout(
                "warning",
                "Filtering a LEFT JOIN",
                "<p>A <code>WHERE e.course = 'SQL'</code> after a left join silently turns it "
                "into an inner join. Put the condition in the <code>ON</code> clause "
                "instead.</p>",
            ),
            image("sql", "Venn diagram of inner and left joins", "Inner versus left"),
        ],
    },
    {
        "slug": "why-your-query-is-slow",
        "title": "Why your query is slow: reading EXPLAIN ANALYZE",
        "introduction": "Sequential scans, missing indexes and row estimates gone wrong: how "
        "to read PostgreSQL's query plans and fix what they show.",
        "date": "2026-03-23",
        "authors": ["mateo-silva"],
        "categories": ["databases"],
        "tags": ["postgresql", "performance", "indexes"],
        "difficulty": "advanced",
        "hero": "indexes",
        "body": [
            paragraph(
                "<p>When a query is slow, do not guess. Ask the database what it did with "
                "<code>EXPLAIN (ANALYZE, BUFFERS)</code>. Joins are covered in "
                f"{post_link('sql-joins-visualised', 'SQL joins, visualised')}.</p>"
            ),
            code(
                "sql",
                """
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM submissions WHERE learner_id = 42 ORDER BY created_at DESC LIMIT 20;
""",
            ),
            paragraph(
                "<p>If the plan says <b>Seq Scan</b> on a large table, PostgreSQL read every "
                "row. A composite index matching the filter and the sort fixes it:</p>"
            ),
            code(
                "sql",
                "CREATE INDEX CONCURRENTLY submissions_learner_created "
                "ON submissions (learner_id, created_at DESC);",
            ),
            callout(
                "danger",
                "Locks in production",
                "<p>A plain <code>CREATE INDEX</code> blocks writes until it finishes. Use "
                "<code>CONCURRENTLY</code> on live tables.</p>",
            ),
            heading("Estimates versus reality", "h3"),
            paragraph(
                "<p>Each plan node shows estimated and actual rows. When they differ by "
                "orders of magnitude, run <code>ANALYZE</code> so the planner has fresh "
                "statistics.</p>"
            ),
            image("indexes", "A B-tree index with sorted leaf pages", "How a B-tree finds rows"),
        ],
    },
    {
        "slug": "what-happens-when-you-type-a-url",
        "title": "What happens when you type a URL",
        "introduction": "DNS, TCP, TLS and HTTP in the order they happen, with the commands "
        "to watch each step yourself.",
        "date": "2026-04-06",
        "authors": ["lin-park"],
        "categories": ["web-development"],
        "tags": ["http", "networking", "web"],
        "difficulty": "intermediate",
        "hero": "http",
        "body": [
            paragraph(
                "<p>Between pressing Enter and seeing a page, your browser does four things: "
                "finds the server's address, connects, secures the connection, and asks for "
                "the page.</p>"
            ),
            code("bash", "curl -v https://example.com/ 2>&1 | head -n 20"),
            heading("The request"),
            code(
                "text",
                """
GET / HTTP/1.1
Host: example.com
Accept: text/html
""",
            ),
            callout(
                "note",
                "Status codes",
                "<p>2xx means success, 3xx a redirect, 4xx a problem with the request and "
                "5xx a problem on the server.</p>",
            ),
            quote("The web is a conversation of requests and responses.", "Lin Park"),
            image("http", "Sequence diagram of a browser talking to a server", "Request, response"),
        ],
    },
    {
        "slug": "modern-css-layout-in-one-afternoon",
        "title": "Modern CSS layout in one afternoon",
        "introduction": "Flexbox for rows, Grid for pages, and the three properties that "
        "solve most centring problems.",
        "date": "2026-04-20",
        "authors": ["lin-park"],
        "categories": ["web-development"],
        "tags": ["css", "layout", "web"],
        "difficulty": "beginner",
        "hero": "css",
        "body": [
            paragraph(
                "<p>You no longer need floats or clever hacks. Two layout systems cover "
                "almost everything.</p>"
            ),
            heading("Centre anything"),
            code(
                "css",
                """
.centre {
  display: grid;
  place-items: center;
  min-height: 100vh;
}
""",
            ),
            heading("A responsive card grid"),
            code(
                "css",
                """
.cards {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  gap: 1.5rem;
}
""",
            ),
            callout(
                "tip",
                "Prefer gap to margins",
                "<p><code>gap</code> puts space between items only, so you never fight the "
                "extra margin on the last card.</p>",
            ),
            image("css", "A grid of cards reflowing on a small screen", "auto-fill at work"),
        ],
    },
    {
        "slug": "typescript-types-that-catch-bugs",
        "title": "TypeScript types that catch real bugs",
        "introduction": "Union types, narrowing and exhaustive switches: three features that "
        "turn runtime crashes into editor squiggles.",
        "date": "2026-05-04",
        "authors": ["lin-park", "priya-raman"],
        "categories": ["web-development", "tooling"],
        "tags": ["typescript", "types", "javascript"],
        "difficulty": "intermediate",
        "hero": "typescript",
        "body": [
            paragraph(
                "<p>Types are most useful when they describe the states your program can be "
                "in. A request is loading, has failed, or has data, never two at once.</p>"
            ),
            code(
                "typescript",
                """
type Result<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ok"; data: T };

function render(result: Result<string[]>): string {
  switch (result.status) {
    case "loading":
      return "Loading…";
    case "error":
      return `Failed: ${result.message}`;
    case "ok":
      return result.data.join(", ");
  }
}
""",
                "result.ts",
            ),
            callout(
                "note",
                "Exhaustiveness",
                "<p>Add a new status to the union and the compiler points at every switch "
                "that forgot to handle it.</p>",
            ),
            image("typescript", "An editor underlining a missing case", "The compiler as reviewer"),
        ],
    },
    {
        "slug": "write-your-first-test-with-pytest",
        "title": "Write your first test with pytest",
        "introduction": "A test is a small program that checks a bigger one. Start with plain "
        "assert statements and grow into fixtures.",
        "date": "2026-05-18",
        "authors": ["priya-raman"],
        "categories": ["python", "tooling"],
        "tags": ["python", "testing", "pytest"],
        "difficulty": "beginner",
        "hero": "testing",
        "body": [
            paragraph(
                "<p>pytest finds functions whose names start with <code>test_</code> and "
                "runs them. A failing <code>assert</code> shows you both values. The "
                f"function under test comes from "
                f"{post_link('functions-are-names-for-ideas', 'functions are names for ideas')}"
                ".</p>"
            ),
            code(
                "python",
                """
from temperature import fahrenheit


def test_freezing_point():
    assert fahrenheit(0) == 32


def test_body_temperature():
    assert round(fahrenheit(37), 1) == 98.6
""",
                "test_temperature.py",
            ),
            code("bash", "pip install pytest\npytest -q"),
            callout(
                "tip",
                "Name tests after behaviour",
                "<p><code>test_freezing_point</code> tells you what broke before you read a "
                "line of code.</p>",
            ),
            quote("Tests are the first users of your code."),
            image(
                "testing",
                "The testing pyramid: many unit tests, few end-to-end tests",
                "The testing pyramid",
            ),
        ],
    },
    {
        "slug": "reading-python-tracebacks",
        "title": "Reading Python tracebacks from the bottom up",
        "introduction": "The last line says what went wrong; the lines above say where. A "
        "calm method for any error message.",
        "date": "2026-06-01",
        "authors": ["priya-raman", "ada-okafor"],
        "categories": ["python"],
        "tags": ["python", "debugging", "beginners"],
        "difficulty": "beginner",
        "hero": "debugging",
        "body": [
            paragraph(
                "<p>A traceback looks frightening, but it is the most helpful thing Python "
                "gives you. Read it from the <b>bottom</b>.</p>"
            ),
            code(
                "text",
                """
Traceback (most recent call last):
  File "report.py", line 9, in <module>
    print(average([]))
  File "report.py", line 3, in average
    return sum(values) / len(values)
ZeroDivisionError: division by zero
""",
            ),
            paragraph(
                "<ul><li>The last line names the error: <code>ZeroDivisionError</code>.</li>"
                "<li>The frame above shows the exact line: <code>len(values)</code> was "
                "zero.</li><li>The frames further up show how we got there.</li></ul>"
            ),
            code(
                "python",
                """
def average(values: list[float]) -> float:
    if not values:
        raise ValueError("average() needs at least one value")
    return sum(values) / len(values)
""",
            ),
            callout(
                "note",
                "Search the last line",
                "<p>Copy the final line into a search engine, without your file names. "
                "Someone has met it before.</p>",
            ),
            image("debugging", "A traceback with the last line highlighted", "Start at the bottom"),
        ],
    },
    {
        "slug": "regular-expressions-a-practical-guide",
        "title": "Regular expressions: a practical guide",
        "introduction": "Match emails, dates and log lines with Python's re module, and learn "
        "when a regex is the wrong tool.",
        "date": "2026-06-15",
        "authors": ["ada-okafor"],
        "categories": ["python"],
        "tags": ["python", "regex", "strings"],
        "difficulty": "intermediate",
        "hero": "regex",
        "body": [
            paragraph(
                "<p>A regular expression describes a pattern of text. Python's "
                "<code>re</code> module searches, matches and replaces with them.</p>"
            ),
            code(
                "python",
                r"""
import re

LOG_LINE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<level>INFO|ERROR) (?P<msg>.*)$")

match = LOG_LINE.match("2026-06-15 ERROR disk full")
if match:
    print(match["level"], match["msg"])
""",
            ),
            callout(
                "danger",
                "Catastrophic backtracking",
                "<p>Nested quantifiers such as <code>(a+)+</code> can take exponential time "
                "on hostile input. Cap input length and prefer simple patterns.</p>",
            ),
            heading("When not to use a regex", "h3"),
            paragraph("<p>HTML, JSON and programming languages have real parsers. Use them.</p>"),
            image("regex", "A regular expression annotated group by group", "Named groups"),
        ],
    },
    {
        "slug": "from-learner-to-first-job",
        "title": "From learner to first developer job",
        "introduction": "Portfolio projects that impress, how to read a job advert, and what "
        "interviewers actually check.",
        "date": "2026-06-29",
        "authors": ["lin-park", "mateo-silva"],
        "categories": ["career"],
        "tags": ["career", "portfolio", "interviews"],
        "difficulty": "beginner",
        "hero": "career",
        "body": [
            paragraph(
                "<p>Hiring managers want evidence that you can finish things. One complete, "
                "deployed project beats five tutorials.</p>"
            ),
            heading("A portfolio project checklist"),
            paragraph(
                "<ul><li>It solves a problem you can explain in one sentence.</li><li>It has "
                "a README with screenshots and setup steps.</li><li>It has tests.</li><li>It "
                "is deployed and the link works.</li></ul>"
            ),
            quote("Show, don't tell: a working link is worth a page of adjectives."),
            callout(
                "tip",
                "Practise out loud",
                "<p>Explain your code to a friend or a rubber duck. Interviews test how you "
                "think as much as what you know.</p>",
            ),
            image("career", "A developer presenting a project on a laptop", "Show your work"),
        ],
    },
    {
        "slug": "async-python-without-the-magic",
        "title": "Async Python without the magic",
        "introduction": "What the event loop does, when asyncio makes code faster, and when it "
        "only makes it harder to read.",
        "date": "2026-07-13",
        "authors": ["ada-okafor", "mateo-silva"],
        "categories": ["python"],
        "tags": ["python", "asyncio", "performance"],
        "difficulty": "advanced",
        "hero": "async",
        "body": [
            paragraph(
                "<p><code>asyncio</code> runs many tasks on one thread by switching between "
                "them whenever one waits for I/O. It helps when you wait a lot; it does "
                "nothing for CPU-bound work.</p>"
            ),
            code(
                "python",
                """
import asyncio


async def fetch(delay: float, name: str) -> str:
    await asyncio.sleep(delay)  # stands in for a network call
    return name


async def main() -> None:
    results = await asyncio.gather(fetch(1, "a"), fetch(1, "b"), fetch(1, "c"))
    print(results)  # about one second, not three


asyncio.run(main())
""",
                "gather.py",
            ),
            callout(
                "warning",
                "Blocking calls",
                "<p>A single <code>time.sleep()</code> or synchronous database call inside a "
                "coroutine freezes every other task.</p>",
            ),
            image("async", "An event loop switching between three tasks", "One thread, many tasks"),
        ],
    },
]
