from wagtail import blocks


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock()
    answer = blocks.CharBlock()

    class Meta:
        template = "quiz/question_block.html"


SLOT_BLOCKS = {"body": [("quiz_question", QuizQuestionBlock())]}
