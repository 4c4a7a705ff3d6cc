"""The demo site's courses: two beginner Python courses with graded exercises.

Test code runs after the learner's code, in the same namespace, so it can call the
functions the exercise asks for and assert on the results.
"""

from demo.blocks import callout, code, heading, paragraph


def make_test(name: str, source: str, *, hidden: bool = False, weight: int = 1) -> dict:
    return {"name": name, "code": source.strip("\n"), "hidden": hidden, "weight": weight}


COURSES = [
    {
        "slug": "python-from-scratch",
        "title": "Python from scratch",
        "summary": "Your first steps in programming: values, names, decisions, repetition "
        "and functions, each practised with small exercises graded in seconds.",
        "difficulty": "beginner",
        "estimated_hours": 6,
        "cover": "python-basics",
        "authors": ["ada-okafor"],
        "tags": ["python", "beginners"],
        "objectives": [
            "Store values in variables and pick the right type",
            "Make decisions with if, elif and else",
            "Repeat work with for and while loops",
            "Write and test your own functions",
        ],
        "lessons": [
            {
                "slug": "values-and-variables",
                "title": "Values and variables",
                "summary": "Numbers, strings and booleans, and how names refer to them.",
                "minutes": 15,
                "body": [
                    paragraph(
                        "<p>A <b>value</b> is a piece of data: <code>42</code>, "
                        "<code>'hello'</code>, <code>True</code>. A <b>variable</b> is a name "
                        "that refers to a value.</p>"
                    ),
                    code("python", 'age = 36\nname = "Ada"\nprint(name, "is", age)'),
                    callout(
                        "tip",
                        "Check a type",
                        "<p><code>type(age)</code> tells you what kind of value a name "
                        "refers to.</p>",
                    ),
                ],
                "exercises": [
                    {
                        "title": "Seconds in a day",
                        "instructions": "<p>Write a function <code>seconds_in_days(days)</code> "
                        "that returns how many seconds there are in <code>days</code> days.</p>",
                        "starter": "def seconds_in_days(days):\n    return 0\n",
                        "solution": "def seconds_in_days(days):\n    return days * 24 * 60 * 60\n",
                        "tests": [
                            make_test("one day", "assert seconds_in_days(1) == 86400"),
                            make_test("no days", "assert seconds_in_days(0) == 0"),
                            make_test("a week", "assert seconds_in_days(7) == 604800", hidden=True),
                        ],
                    },
                ],
            },
            {
                "slug": "working-with-strings",
                "title": "Working with strings",
                "summary": "Join, slice and format text.",
                "minutes": 20,
                "body": [
                    paragraph(
                        "<p>Strings are sequences of characters. You can join them with "
                        "<code>+</code>, repeat them with <code>*</code> and format them "
                        "with f-strings.</p>"
                    ),
                    code("python", 'first = "Grace"\nprint(f"Hello, {first}!")\nprint(first[0])'),
                ],
                "exercises": [
                    {
                        "title": "Greeting",
                        "instructions": "<p>Write <code>greet(name)</code> returning "
                        "<code>'Hello, NAME!'</code> with the name's first letter in upper "
                        "case.</p>",
                        "starter": 'def greet(name):\n    return "Hello"\n',
                        "solution": 'def greet(name):\n    return f"Hello, {name.capitalize()}!"\n',
                        "tests": [
                            make_test("greets by name", "assert greet('Ada') == 'Hello, Ada!'"),
                            make_test("capitalises", "assert greet('lin') == 'Hello, Lin!'"),
                            make_test(
                                "keeps the rest",
                                "assert greet('mATEO') == 'Hello, Mateo!'",
                                hidden=True,
                            ),
                        ],
                    },
                    {
                        "title": "Initials",
                        "instructions": "<p>Write <code>initials(full_name)</code> returning "
                        "the upper-case initials, e.g. <code>'Ada Lovelace'</code> gives "
                        "<code>'AL'</code>.</p>",
                        "starter": "def initials(full_name):\n    pass\n",
                        "solution": "def initials(full_name):\n"
                        "    return ''.join(part[0].upper() for part in full_name.split())\n",
                        "tests": [
                            make_test("two names", "assert initials('Ada Lovelace') == 'AL'"),
                            make_test(
                                "lower case", "assert initials('grace brewster hopper') == 'GBH'"
                            ),
                            make_test(
                                "extra spaces",
                                "assert initials('  lin   park ') == 'LP'",
                                hidden=True,
                                weight=2,
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "making-decisions",
                "title": "Making decisions",
                "summary": "if, elif and else, and the comparisons that drive them.",
                "minutes": 20,
                "body": [
                    paragraph("<p>Programs choose what to do with <code>if</code>.</p>"),
                    code(
                        "python",
                        "temperature = 31\nif temperature > 30:\n    print('Hot')\n"
                        "elif temperature > 15:\n    print('Mild')\nelse:\n    print('Cold')",
                    ),
                    callout(
                        "warning",
                        "= is not ==",
                        "<p>One equals sign assigns; two compare.</p>",
                    ),
                ],
                "exercises": [
                    {
                        "title": "FizzBuzz for one number",
                        "instructions": "<p>Write <code>fizzbuzz(n)</code>: return "
                        "<code>'FizzBuzz'</code> if n is divisible by 3 and 5, <code>'Fizz'"
                        "</code> if by 3, <code>'Buzz'</code> if by 5, otherwise the number as "
                        "a string.</p>",
                        "starter": "def fizzbuzz(n):\n    return str(n)\n",
                        "solution": "def fizzbuzz(n):\n"
                        "    if n % 15 == 0:\n        return 'FizzBuzz'\n"
                        "    if n % 3 == 0:\n        return 'Fizz'\n"
                        "    if n % 5 == 0:\n        return 'Buzz'\n"
                        "    return str(n)\n",
                        "tests": [
                            make_test("plain number", "assert fizzbuzz(1) == '1'"),
                            make_test("three", "assert fizzbuzz(9) == 'Fizz'"),
                            make_test("five", "assert fizzbuzz(10) == 'Buzz'"),
                            make_test(
                                "fifteen",
                                "assert fizzbuzz(45) == 'FizzBuzz'",
                                hidden=True,
                                weight=2,
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "loops",
                "title": "Repeating with loops",
                "summary": "for over sequences, while until a condition changes.",
                "minutes": 25,
                "body": [
                    paragraph("<p>A <code>for</code> loop runs once per item.</p>"),
                    code(
                        "python", "total = 0\nfor n in range(1, 4):\n    total += n\nprint(total)"
                    ),
                    heading("while", "h3"),
                    paragraph(
                        "<p>A <code>while</code> loop runs until its condition is false.</p>"
                    ),
                ],
                "exercises": [
                    {
                        "title": "Sum of even numbers",
                        "instructions": "<p>Write <code>sum_even(numbers)</code> returning the "
                        "sum of the even numbers in the list.</p>",
                        "starter": "def sum_even(numbers):\n    return sum(numbers)\n",
                        "solution": "def sum_even(numbers):\n"
                        "    return sum(n for n in numbers if n % 2 == 0)\n",
                        "tests": [
                            make_test("mixed", "assert sum_even([1, 2, 3, 4]) == 6"),
                            make_test("empty", "assert sum_even([]) == 0"),
                            make_test(
                                "negatives", "assert sum_even([-2, -3, 5]) == -2", hidden=True
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "functions",
                "title": "Writing functions",
                "summary": "Parameters, return values and default arguments.",
                "minutes": 25,
                "body": [
                    paragraph("<p>Functions name a piece of work so you can reuse it.</p>"),
                    code("python", "def area(width, height=1):\n    return width * height"),
                ],
                "exercises": [
                    {
                        "title": "Clamp a number",
                        "instructions": "<p>Write <code>clamp(value, low=0, high=100)</code> "
                        "returning <code>value</code> limited to the range low..high.</p>",
                        "starter": "def clamp(value, low=0, high=100):\n    return value\n",
                        "solution": "def clamp(value, low=0, high=100):\n"
                        "    return max(low, min(high, value))\n",
                        "tests": [
                            make_test("inside", "assert clamp(50) == 50"),
                            make_test("too high", "assert clamp(150) == 100"),
                            make_test("too low", "assert clamp(-5) == 0"),
                            make_test("custom range", "assert clamp(7, 1, 5) == 5", hidden=True),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "python-data-essentials",
        "title": "Python data essentials",
        "summary": "Lists, dictionaries, comprehensions and errors: the tools for working "
        "with real data in Python.",
        "difficulty": "beginner",
        "estimated_hours": 8,
        "cover": "functions",
        "authors": ["ada-okafor", "priya-raman"],
        "tags": ["python", "data"],
        "prerequisites": ["python-from-scratch"],
        "objectives": [
            "Store collections in lists and dictionaries",
            "Transform data with comprehensions",
            "Sort by any key",
            "Handle errors without crashing",
        ],
        "lessons": [
            {
                "slug": "lists",
                "title": "Lists",
                "summary": "Ordered collections you can change.",
                "minutes": 20,
                "body": [
                    paragraph("<p>A list keeps values in order: <code>[3, 1, 2]</code>.</p>"),
                    code("python", "scores = [72, 88]\nscores.append(95)\nprint(len(scores))"),
                ],
                "exercises": [
                    {
                        "title": "Second largest",
                        "instructions": "<p>Write <code>second_largest(numbers)</code> "
                        "returning the second largest distinct value, or <code>None</code> if "
                        "there is none.</p>",
                        "starter": "def second_largest(numbers):\n    return max(numbers)\n",
                        "solution": "def second_largest(numbers):\n"
                        "    distinct = sorted(set(numbers))\n"
                        "    return distinct[-2] if len(distinct) >= 2 else None\n",
                        "tests": [
                            make_test("simple", "assert second_largest([3, 1, 2]) == 2"),
                            make_test("duplicates", "assert second_largest([5, 5, 4]) == 4"),
                            make_test(
                                "too short", "assert second_largest([7]) is None", hidden=True
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "dictionaries",
                "title": "Dictionaries",
                "summary": "Look values up by key.",
                "minutes": 20,
                "body": [
                    paragraph("<p>A dictionary maps keys to values.</p>"),
                    code(
                        "python",
                        "ages = {'ada': 36}\nages['lin'] = 29\nprint(ages.get('mateo', 0))",
                    ),
                ],
                "exercises": [
                    {
                        "title": "Word counts",
                        "instructions": "<p>Write <code>word_counts(text)</code> returning a "
                        "dictionary of lower-case words to how often they occur.</p>",
                        "starter": "def word_counts(text):\n    return {}\n",
                        "solution": "def word_counts(text):\n"
                        "    counts = {}\n"
                        "    for word in text.lower().split():\n"
                        "        counts[word] = counts.get(word, 0) + 1\n"
                        "    return counts\n",
                        "tests": [
                            make_test("counts", "assert word_counts('a b a') == {'a': 2, 'b': 1}"),
                            make_test("case", "assert word_counts('Py py') == {'py': 2}"),
                            make_test("empty", "assert word_counts('') == {}", hidden=True),
                        ],
                    },
                ],
            },
            {
                "slug": "comprehensions",
                "title": "Comprehensions",
                "summary": "Build lists and dictionaries in one readable line.",
                "minutes": 20,
                "body": [
                    code("python", "squares = [n * n for n in range(5)]"),
                    callout(
                        "tip",
                        "Readability first",
                        "<p>If a comprehension needs two lines, write a loop.</p>",
                    ),
                ],
                "exercises": [
                    {
                        "title": "Squares of odd numbers",
                        "instructions": "<p>Write <code>odd_squares(numbers)</code> returning "
                        "the squares of the odd numbers, in order.</p>",
                        "starter": "def odd_squares(numbers):\n    return numbers\n",
                        "solution": "def odd_squares(numbers):\n"
                        "    return [n * n for n in numbers if n % 2]\n",
                        "tests": [
                            make_test("mixed", "assert odd_squares([1, 2, 3]) == [1, 9]"),
                            make_test("none odd", "assert odd_squares([2, 4]) == []"),
                        ],
                    },
                ],
            },
            {
                "slug": "sorting",
                "title": "Sorting by a key",
                "summary": "sorted(), key functions and stable sorts.",
                "minutes": 15,
                "body": [
                    code(
                        "python",
                        "people = [('Ada', 36), ('Lin', 29)]\n"
                        "print(sorted(people, key=lambda p: p[1]))",
                    ),
                ],
                "exercises": [
                    {
                        "title": "Sort by length",
                        "instructions": "<p>Write <code>by_length(words)</code> returning the "
                        "words sorted by length, shortest first, keeping the original order "
                        "for equal lengths.</p>",
                        "starter": "def by_length(words):\n    return sorted(words)\n",
                        "solution": "def by_length(words):\n    return sorted(words, key=len)\n",
                        "tests": [
                            make_test(
                                "lengths",
                                "assert by_length(['ccc', 'a', 'bb']) == ['a', 'bb', 'ccc']",
                            ),
                            make_test(
                                "stable",
                                "assert by_length(['bb', 'aa', 'c']) == ['c', 'bb', 'aa']",
                                hidden=True,
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "errors-and-exceptions",
                "title": "Errors and exceptions",
                "summary": "try, except and raising your own errors.",
                "minutes": 20,
                "body": [
                    code(
                        "python",
                        "try:\n    int('abc')\nexcept ValueError:\n    print('Not a number')",
                    ),
                ],
                "exercises": [
                    {
                        "title": "Safe integer parsing",
                        "instructions": "<p>Write <code>parse_int(text, default=None)</code> "
                        "returning the integer in <code>text</code>, or <code>default</code> "
                        "when it is not a valid integer.</p>",
                        "starter": "def parse_int(text, default=None):\n    return int(text)\n",
                        "solution": "def parse_int(text, default=None):\n"
                        "    try:\n        return int(text)\n"
                        "    except (TypeError, ValueError):\n        return default\n",
                        "tests": [
                            make_test("valid", "assert parse_int('42') == 42"),
                            make_test("invalid", "assert parse_int('abc') is None"),
                            make_test("default", "assert parse_int('x', 0) == 0", hidden=True),
                        ],
                    },
                ],
            },
        ],
    },
]
