/**
 * Common first names of children and parents in England (ONS baby-name lists, 1975 to 2024),
 * used to recognise a name written in lower case ('jayden smith, aged 9') or beside a bare
 * number ('Mia (3)'). Names that are also everyday words (May, Grace, Amber, Will, Mark) are
 * left out: they still count as names when capitalised next to an age or a relation.
 */
const NAMES = `oliver george harry jack jacob noah charlie muhammad mohammed mohammad thomas oscar william
  james leo alfie henry joshua freddie archie ethan isaac alexander joseph edward samuel logan
  lucas daniel theo theodore arthur mason harrison benjamin adam finley dylan riley jayden kai
  tyler liam callum connor kyle jordan reece rhys ryan lewis jamie aaron nathan luke ben sam tom
  dan josh bobby tommy frankie ronnie reggie teddy louie louis ollie zac zak zach zachary ibrahim
  yusuf ali omar hamza ayaan aryan rohan arjun kacper jakub filip szymon mateusz oskar andrei
  luca mario elijah jaxon jenson harvey hugo hunter jude kayden brandon bradley jake kieran declan
  shane wayne darren dean lee craig gary kevin stuart steven stephen paul peter michael david john
  richard robert christopher matthew andrew anthony simon neil ian colin keith adrian martin jason
  scott carl lloyd marcus leon ashley jermaine tyrone kofi kwame emmanuel tariq imran bilal usman
  zain zayn ayden aiden caden brody cody corey mikey archer rory ruben reuben albie alby harley
  jaxson myles rayan kian leighton lucian mohamed sebastian stanley toby tobias vincent xavier
  olivia amelia isla ava emily isabella mia poppy ella lily sophia sophie evie ivy freya charlotte
  isabelle daisy phoebe florence alice sienna willow matilda elsie rosie harper layla lola millie
  maisie eliza esme aria luna thea nancy ellie emma chloe lucy jessica hannah lauren megan katie
  bethany courtney chelsea jade kayleigh leanne danielle gemma stacey kelly natalie nicola michelle
  sarah rachel rebecca laura claire emma jennifer amy zoe zara zoey aisha ayesha fatima maryam
  amira hafsa khadija zainab noor nur aaliyah aleena anaya inaya priya sana leila lacey lexi
  lexie macy mollie molly skye tia tilly kacey kaci shannon tiffany abigail hollie holly
  libby lydia maya madison madeleine eleanor elizabeth victoria georgia imogen jasmine keira kiera
  leah maddison nevaeh orla paige scarlett scarlet violet ruby martha annie erin niamh siobhan
  aoife ciara chantelle shanice tanisha kerry-ann keeley demi kayla jayla nia amara adaeze chidera
  oliwia zuzanna julia wiktoria lena natalia amelie hanna aleksandra gabriela maja antonia
  jane mary susan karen tracey tracy julie lisa donna dawn-marie joanne jo sharon angela wendy
  lesley hayley kirsty samantha sam-jo stacie vicky jodie jodi amanda melissa kimberley kim tanya
  carly charlene toni roxanne cheryl kerry ebony keisha shauna jenna ella-rose ava-grace lily-mae
  evie-mae`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** True for a common first name in any case ('jayden', 'JAYDEN', 'Jayden's'). */
export function isFirstName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase().replace(/'s$/, ''));
}
