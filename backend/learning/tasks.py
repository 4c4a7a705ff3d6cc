from django_tasks import task

from learning.submissions import submission_grade, submission_grade_next, submissions_recover


@task()
def grade_submission_task(submission_id: int) -> str | None:
    """One grading run: the next submission in fair order (learning/submissions.py),
    which is this task's own submission unless other learners have waited longer."""
    # Every run first rescues submissions whose worker died, so recovery needs no
    # scheduler as long as learners keep submitting (manage.py
    # recover_submissions does the same from cron).
    submissions_recover()
    submission = submission_grade_next() or submission_grade(submission_id=submission_id)
    return submission.status if submission else None
